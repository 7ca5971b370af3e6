/**
 * Where everything sits in each diagram, in viewBox units. The diagrams draw from these
 * numbers and the tooltip is placed from them, so nothing measures the DOM.
 */

/** A point in viewBox units. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Size of a gate box: a coloured cap with the value over a tray of per-unit bars. */
export const BOX = { width: 104, height: 112, cap: 72 } as const;

/** Radius of a pointwise (×, +, 1−) node. */
export const NODE_R = 13;

/** The LSTM diagram (colah-style): cell state along the top, gates below, [h, x] bus at the bottom. */
export const LSTM = {
  width: 666,
  height: 446,
  /** y of the cell-state line c_{t−1} → c_t. */
  cY: 58,
  /** y of the [h_{t−1}, x_t] bus. */
  busY: 378,
  /** x where x_t joins the bus from below. */
  xJoin: 86,
  /** Top of the gate boxes. */
  gateTop: 204,
  /** Centre x of each gate box. */
  gate: { f: 120, i: 232, g: 344, o: 468 },
  /** i ⊙ g node, under the + on the cell-state line. */
  ig: { x: 288, y: 150 },
  /** tanh(c_t) and the o ⊙ tanh(c_t) node. */
  tanh: { x: 546, y: 112 },
  out: { x: 546, y: 172 },
  /** x of the riser carrying h_t up and down out of the cell. */
  hRiser: 590,
  /** The cell's outline. */
  body: { x: 40, y: 32, width: 536, height: 354 },
} as const;

/** The GRU diagram: h along the top, gates below, separate h_{t−1} and x_t buses. */
export const GRU = {
  width: 694,
  height: 446,
  /** y of the state line h_{t−1} → h_t. */
  hY: 58,
  /** y of the h_{t−1} bus and of the x_t bus. */
  hBusY: 366,
  xBusY: 396,
  /** x where h_{t−1} drops from the top line to its bus, and where x_t rises to its bus. */
  hDrop: 32,
  xRise: 72,
  gateTop: 204,
  /** Centre x of each gate box. */
  gate: { z: 136, r: 264, n: 528 },
  /** The recurrent chain into the candidate: lower and upper slots, at this x. */
  chainX: 404,
  chainLow: 322,
  /** y where z branches off towards the candidate's mix node. */
  branchY: 152,
  /** The "1−" node: on the branch (pytorch) or on z's riser (classic). */
  oneMinusPytorch: { x: 336, y: 152 },
  oneMinusClassic: { x: 136, y: 108 },
  /** Mix node of the candidate and the + on the state line. */
  mix: { x: 528, y: 152 },
  hRiser: 612,
  body: { x: 52, y: 32, width: 534, height: 350 },
} as const;

/** The vanilla RNN: [h_{t−1}, x_t] → a_t → tanh/relu → h_t, with the loop back. */
export const RNN = {
  width: 540,
  height: 320,
  /** y of the main line through the cell (the middle of the boxes' caps). */
  lineY: 176,
  /** y of the loop carrying h_t back to the next step. */
  loopY: 44,
  loopLeft: 22,
  loopRight: 478,
  xRise: 112,
  gate: { pre: 208, h: 352 },
  gateTop: 142,
  body: { x: 84, y: 100, width: 340, height: 170 },
} as const;

/** Where the tooltip of each quantity points, per cell: the top centre of its box or node. */
export const ANCHORS: Readonly<Record<'lstm' | 'gru' | 'rnn', Readonly<Record<string, Point>>>> = {
  lstm: {
    f: { x: LSTM.gate.f, y: LSTM.gateTop },
    i: { x: LSTM.gate.i, y: LSTM.gateTop },
    g: { x: LSTM.gate.g, y: LSTM.gateTop },
    o: { x: LSTM.gate.o, y: LSTM.gateTop },
    c: { x: 584, y: LSTM.cY - 12 },
    h: { x: LSTM.out.x, y: LSTM.out.y - NODE_R },
    x: { x: LSTM.xJoin, y: LSTM.busY + 20 },
  },
  gru: {
    z: { x: GRU.gate.z, y: GRU.gateTop },
    r: { x: GRU.gate.r, y: GRU.gateTop },
    n: { x: GRU.gate.n, y: GRU.gateTop },
    h: { x: 600, y: GRU.hY - 12 },
    x: { x: GRU.xRise, y: GRU.xBusY + 20 },
  },
  rnn: {
    pre: { x: RNN.gate.pre, y: RNN.gateTop },
    h: { x: RNN.gate.h, y: RNN.gateTop },
    x: { x: RNN.xRise, y: RNN.lineY + 60 },
  },
};

/** viewBox size per cell. */
export const SIZES: Readonly<Record<'lstm' | 'gru' | 'rnn', { width: number; height: number }>> = {
  lstm: LSTM,
  gru: GRU,
  rnn: RNN,
};

/** Points from a flat list of coordinates: pts(x0, y0, x1, y1, …). */
export function pts(...xy: number[]): Point[] {
  const points: Point[] = [];
  for (let k = 0; k + 1 < xy.length; k += 2) points.push({ x: xy[k] ?? 0, y: xy[k + 1] ?? 0 });
  return points;
}
