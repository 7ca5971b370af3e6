import { BOX, LSTM as L, NODE_R, pts } from './layout';
import type { WireSpec } from './Wire';

/** The numbers on an LSTM's wires for the selected unit. */
export interface LstmNumbers {
  readonly f: number;
  readonly i: number;
  readonly g: number;
  readonly o: number;
  readonly c: number;
  readonly h: number;
  /** c_{t−1}. */
  readonly cPrev: number;
}

const GATE_BOTTOM = L.gateTop + BOX.height;

/**
 * Every wire of the LSTM diagram with the value it carries and the stage its value
 * flows at: 0 inputs, 1 gate outputs, 2 cell-state update, 3 output h_t.
 */
export function lstmWires({ f, i, g, o, c, h, cPrev }: LstmNumbers): WireSpec[] {
  const { gate, cY, busY, ig, tanh, out, hRiser, width } = L;
  const R = NODE_R;
  return [
    // Stage 0: x_t joins h_{t−1} on the bus, which feeds every gate.
    { key: 'bus', points: pts(0, busY, gate.o, busY), arrow: false, stage: 0 },
    { key: 'x', points: pts(L.xJoin, L.height, L.xJoin, busY), arrow: false, stage: 0 },
    ...(['f', 'i', 'g', 'o'] as const).map((k) => ({
      key: `tap-${k}`,
      points: pts(gate[k], busY, gate[k], GATE_BOTTOM),
      stage: 0,
    })),
    // Stage 1: the gates' outputs travel to their pointwise nodes.
    { key: 'f', points: pts(gate.f, L.gateTop, gate.f, cY + R), value: f, stage: 1 },
    { key: 'i', points: pts(gate.i, L.gateTop, gate.i, ig.y, ig.x - R, ig.y), value: i, stage: 1 },
    { key: 'g', points: pts(gate.g, L.gateTop, gate.g, ig.y, ig.x + R, ig.y), value: g, stage: 1 },
    {
      key: 'o',
      points: pts(gate.o, L.gateTop, gate.o, out.y, out.x - R, out.y),
      value: o,
      stage: 1,
    },
    // Stage 2: the cell state is updated, c_t = f ⊙ c_{t−1} + i ⊙ g.
    { key: 'c-prev', points: pts(0, cY, gate.f - R, cY), value: cPrev, stage: 2 },
    { key: 'fc', points: pts(gate.f + R, cY, ig.x - R, cY), value: f * cPrev, stage: 2 },
    { key: 'ig', points: pts(ig.x, ig.y - R, ig.x, cY + R), value: i * g, stage: 2 },
    { key: 'c', points: pts(ig.x + R, cY, width, cY), value: c, stage: 2 },
    // Stage 3: h_t = o ⊙ tanh(c_t) leaves right (next step) and up (output, layer above).
    { key: 'c-tap', points: pts(tanh.x, cY, tanh.x, tanh.y - 13), value: c, stage: 3 },
    {
      key: 'tanh-c',
      points: pts(tanh.x, tanh.y + 13, out.x, out.y - R),
      value: Math.tanh(c),
      stage: 3,
    },
    { key: 'h', points: pts(out.x + R, out.y, hRiser, out.y), value: h, stage: 3, arrow: false },
    { key: 'h-up', points: pts(hRiser, out.y, hRiser, 0), value: h, stage: 3, bridge: true },
    { key: 'h-right', points: pts(hRiser, out.y, hRiser, busY, width, busY), value: h, stage: 3 },
  ];
}
