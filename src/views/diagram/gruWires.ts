import type { GruConvention, LayerParams } from '../../engine';
import { candidateRecurrent } from './gruParts';
import { BOX, GRU as G, NODE_R, pts, type Point } from './layout';
import { at, type StepValues } from './stepValues';
import type { WireSpec } from './Wire';

/** The numbers on a GRU's wires for the selected unit. */
export interface GruNumbers {
  readonly r: number;
  readonly z: number;
  readonly n: number;
  readonly h: number;
  /** h_{t−1}. */
  readonly hPrev: number;
  /** Weight of h_{t−1} in h_t: z (pytorch) or 1 − z (classic). */
  readonly keep: number;
  /** Weight of the candidate in h_t: 1 − z (pytorch) or z (classic). */
  readonly take: number;
  /** The reset-gated term leaving the × r node, when known. */
  readonly rMul?: number;
  /** W_hn h_{t−1} + b_hn (pytorch) or W_hn (r ⊙ h_{t−1}) + b_hn (classic), when known. */
  readonly recurrent?: number;
}

/**
 * The GRU's numbers at a step for unit j under `convention`; the recurrent term (and, for
 * `pytorch`, the reset-gated one) only when the layer's `params` are at hand.
 */
export function gruNumbers(
  values: StepValues,
  j: number,
  convention: GruConvention,
  params?: LayerParams,
): GruNumbers {
  const { rows } = values;
  const [r, z, n, h] = [at(rows.r, j), at(rows.z, j), at(rows.n, j), at(rows.h, j)];
  const hPrev = at(values.prevH, j);
  const pytorch = convention === 'pytorch';
  const recurrent = params
    ? candidateRecurrent(params, rows.r ?? [], values.prevH, j, convention)
    : undefined;
  const rMul = pytorch ? (recurrent === undefined ? undefined : r * recurrent) : r * hPrev;
  const keep = pytorch ? z : 1 - z;
  const take = pytorch ? 1 - z : z;
  return { r, z, n, h, hPrev, keep, take, rMul, recurrent };
}

/** Where the convention puts the recurrent chain's nodes. */
export interface GruChain {
  /** y of the × r node and of the W_hn box on the chain (x = GRU.chainX). */
  readonly mulY: number;
  readonly linY: number;
  /** The "1−" node: on z's branch to the candidate (pytorch) or on z's riser (classic). */
  readonly oneMinus: Point;
}

/** y where wires enter the side of a gate box (middle of its coloured cap). */
const GRU_SIDE_Y = G.gateTop + BOX.cap / 2;

/** Node placement per convention: pytorch multiplies by r after W_hn, classic before. */
export function gruChain(convention: GruConvention): GruChain {
  return convention === 'pytorch'
    ? { mulY: GRU_SIDE_Y, linY: G.chainLow, oneMinus: G.oneMinusPytorch }
    : { mulY: G.chainLow, linY: GRU_SIDE_Y, oneMinus: G.oneMinusClassic };
}

/**
 * Every wire of the GRU diagram for a convention, with the value it carries and the stage
 * it flows at: 0 inputs, 1 r and z, 2 candidate, 3 mix into h_t. Wire ids name what the
 * conventions change: `r-after-matrix` / `h-to-matrix` (pytorch) versus
 * `r-before-matrix` / `h-to-reset` (classic). Without the layer's parameters
 * (`recurrentKnown` false) the wires of the recurrent term carry no value: bus width.
 */
export function gruWires(
  convention: GruConvention,
  recurrentKnown: boolean,
): WireSpec<GruNumbers>[] {
  const { gate, hY, chainX: X, branchY: bY, mix, hBusY, xBusY } = G;
  const { mulY, linY, oneMinus } = gruChain(convention);
  const R = NODE_R;
  const pytorch = convention === 'pytorch';
  const rRight = gate.r + BOX.width / 2;
  const GATE_BOTTOM = G.gateTop + BOX.height;
  // The recurrent term, and pytorch's reset-gated one after it, need the layer's weights.
  const known = (read: (v: GruNumbers) => number | undefined) =>
    recurrentKnown ? (v: GruNumbers) => read(v) ?? Number.NaN : undefined;
  const zWires: WireSpec<GruNumbers>[] = pytorch
    ? [
        { key: 'z', points: pts(gate.z, G.gateTop, gate.z, hY + R), value: (v) => v.z, stage: 1 },
        {
          key: 'z-branch',
          points: pts(gate.z, bY, oneMinus.x - R, bY),
          value: (v) => v.z,
          stage: 1,
        },
        {
          key: 'one-minus-z',
          points: pts(oneMinus.x + R, bY, mix.x - R, bY),
          value: (v) => 1 - v.z,
          stage: 1,
        },
      ]
    : [
        {
          key: 'z',
          points: pts(gate.z, G.gateTop, gate.z, oneMinus.y + R),
          value: (v) => v.z,
          stage: 1,
        },
        {
          key: 'one-minus-z',
          points: pts(gate.z, oneMinus.y - R, gate.z, hY + R),
          value: (v) => 1 - v.z,
          stage: 1,
        },
        { key: 'z-branch', points: pts(gate.z, bY, mix.x - R, bY), value: (v) => v.z, stage: 1 },
      ];
  return [
    // Stage 0: h_{t−1} and x_t reach the gates on their own buses.
    { key: 'h-in', points: pts(0, hY, G.hDrop, hY), arrow: false, stage: 0 },
    { key: 'h-drop', points: pts(G.hDrop, hY, G.hDrop, hBusY, X, hBusY), arrow: false, stage: 0 },
    {
      key: 'x',
      points: pts(G.xRise, G.height, G.xRise, xBusY, gate.n, xBusY),
      arrow: false,
      stage: 0,
    },
    ...(['z', 'r', 'n'] as const).map((k) => ({
      key: `tap-${k}`,
      points: pts(gate[k], xBusY, gate[k], GATE_BOTTOM),
      stage: 0,
    })),
    // Stage 1: z rises to the mix, r goes to the recurrent chain.
    pytorch
      ? {
          key: 'r-after-matrix',
          points: pts(rRight, mulY, X - R, mulY),
          value: (v) => v.r,
          stage: 1,
        }
      : {
          key: 'r-before-matrix',
          points: pts(rRight, GRU_SIDE_Y, X - 54, GRU_SIDE_Y, X - 54, mulY, X - R, mulY),
          value: (v) => v.r,
          stage: 1,
        },
    ...zWires,
    // Stage 2: the recurrent chain feeds the candidate.
    pytorch
      ? { key: 'h-to-matrix', points: pts(X, hBusY, X, linY + 15), stage: 2 }
      : { key: 'h-to-reset', points: pts(X, hBusY, X, mulY + R), value: (v) => v.hPrev, stage: 2 },
    pytorch
      ? {
          key: 'matrix-to-reset',
          points: pts(X, linY - 15, X, mulY + R),
          value: known((v) => v.recurrent),
          stage: 2,
        }
      : {
          key: 'reset-to-matrix',
          points: pts(X, mulY - R, X, linY + 15),
          value: (v) => v.rMul ?? Number.NaN,
          stage: 2,
        },
    {
      key: 'chain-out',
      points: pts(pytorch ? X + R : X + 46, GRU_SIDE_Y, gate.n - BOX.width / 2, GRU_SIDE_Y),
      value: known((v) => (pytorch ? v.rMul : v.recurrent)),
      stage: 2,
    },
    // Stage 3: the mix, h_t = keep ⊙ h_{t−1} + take ⊙ candidate.
    { key: 'n', points: pts(gate.n, G.gateTop, mix.x, bY + R), value: (v) => v.n, stage: 3 },
    {
      key: 'mix-up',
      points: pts(mix.x, bY - R, mix.x, hY + R),
      value: (v) => v.take * v.n,
      stage: 3,
    },
    { key: 'h-keep', points: pts(G.hDrop, hY, gate.z - R, hY), value: (v) => v.hPrev, stage: 3 },
    {
      key: 'h-kept',
      points: pts(gate.z + R, hY, mix.x - R, hY),
      value: (v) => v.keep * v.hPrev,
      stage: 3,
    },
    { key: 'h-out', points: pts(mix.x + R, hY, G.width, hY), value: (v) => v.h, stage: 3 },
    { key: 'h-up', points: pts(G.hRiser, hY, G.hRiser, 0), value: (v) => v.h, stage: 3 },
  ];
}
