import { BOX, LSTM as L, NODE_R, pts } from './layout';
import { at, type StepValues } from './stepValues';
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
  /** h_{t−1}. */
  readonly hPrev: number;
}

/** The LSTM's numbers at a step for unit j. */
export function lstmNumbers(values: StepValues, j: number): LstmNumbers {
  const { rows } = values;
  return {
    f: at(rows.f, j),
    i: at(rows.i, j),
    g: at(rows.g, j),
    o: at(rows.o, j),
    c: at(rows.c, j),
    h: at(rows.h, j),
    cPrev: at(values.prevC, j),
    hPrev: at(values.prevH, j),
  };
}

const GATE_BOTTOM = L.gateTop + BOX.height;

/**
 * Every wire of the LSTM diagram with the value it carries and the stage its value
 * flows at: 0 inputs, 1 gate outputs, 2 cell-state update, 3 output h_t.
 */
export function lstmWires(): WireSpec<LstmNumbers>[] {
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
    { key: 'f', points: pts(gate.f, L.gateTop, gate.f, cY + R), value: (n) => n.f, stage: 1 },
    {
      key: 'i',
      points: pts(gate.i, L.gateTop, gate.i, ig.y, ig.x - R, ig.y),
      value: (n) => n.i,
      stage: 1,
    },
    {
      key: 'g',
      points: pts(gate.g, L.gateTop, gate.g, ig.y, ig.x + R, ig.y),
      value: (n) => n.g,
      stage: 1,
    },
    {
      key: 'o',
      points: pts(gate.o, L.gateTop, gate.o, out.y, out.x - R, out.y),
      value: (n) => n.o,
      stage: 1,
    },
    // Stage 2: the cell state is updated, c_t = f ⊙ c_{t−1} + i ⊙ g.
    { key: 'c-prev', points: pts(0, cY, gate.f - R, cY), value: (n) => n.cPrev, stage: 2 },
    { key: 'fc', points: pts(gate.f + R, cY, ig.x - R, cY), value: (n) => n.f * n.cPrev, stage: 2 },
    { key: 'ig', points: pts(ig.x, ig.y - R, ig.x, cY + R), value: (n) => n.i * n.g, stage: 2 },
    { key: 'c', points: pts(ig.x + R, cY, width, cY), value: (n) => n.c, stage: 2 },
    // Stage 3: h_t = o ⊙ tanh(c_t) leaves right (next step) and up (output, layer above).
    { key: 'c-tap', points: pts(tanh.x, cY, tanh.x, tanh.y - 13), value: (n) => n.c, stage: 3 },
    {
      key: 'tanh-c',
      points: pts(tanh.x, tanh.y + 13, out.x, out.y - R),
      value: (n) => Math.tanh(n.c),
      stage: 3,
    },
    {
      key: 'h',
      points: pts(out.x + R, out.y, hRiser, out.y),
      value: (n) => n.h,
      stage: 3,
      arrow: false,
    },
    {
      key: 'h-up',
      points: pts(hRiser, out.y, hRiser, 0),
      value: (n) => n.h,
      stage: 3,
      bridge: true,
    },
    {
      key: 'h-right',
      points: pts(hRiser, out.y, hRiser, busY, width, busY),
      value: (n) => n.h,
      stage: 3,
    },
  ];
}
