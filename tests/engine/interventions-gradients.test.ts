/**
 * Gradients of intervened runs (issue #16): a clamped value is a constant, so the loss
 * depends on the weights, inputs and initial states only through the paths the clamps
 * leave open. backward must agree with central differences of forward run with the same
 * interventions; jacobianNorms must show the cut, and agree with central differences of the
 * final state where it is not cut.
 */
import { describe, expect, it } from 'vitest';
import {
  backward,
  createModel,
  forward,
  jacobianNorms,
  traceFromPayload,
  tracePayload,
  type Intervention,
  type ModelSpec,
} from '../../src/engine';
import { gradientMismatches, lossWith, makeDirCase, STEP, type DirCase } from './directionSupport';
import { centralDiff, frobenius, mismatches, row, rows } from './support';

/** The case with its interventions in `init`, so that every finite difference runs with them. */
function intervened(c: DirCase, interventions: Intervention[]): DirCase {
  const init = { ...c.init, interventions };
  return { ...c, init, trace: forward(createModel(c.spec, c.sd), c.xs, init) };
}

const T = 5;
const base = { inputSize: 3, hiddenSize: 3, numLayers: 1 } as const;
const CASES: [string, ModelSpec, Intervention[]][] = [
  [
    'lstm: f of every unit, c and h of one unit, i over all steps',
    { cell: 'lstm', ...base },
    [
      { layer: 0, gate: 'f', from: 2, to: 2, value: 0 },
      { layer: 0, gate: 'c', unit: 1, from: 3, to: 3, value: 0.7 },
      { layer: 0, gate: 'h', unit: 0, from: 1, to: 1, value: -0.3 },
      { layer: 0, gate: 'i', unit: 2, from: 0, to: 4, value: 1 },
    ],
  ],
  [
    'lstm, 2 layers: h of every unit below, g and o above',
    { cell: 'lstm', ...base, numLayers: 2 },
    [
      { layer: 0, gate: 'h', from: 2, to: 2, value: 0.2 },
      { layer: 1, gate: 'o', unit: 0, from: 1, to: 3, value: 0.9 },
      { layer: 1, gate: 'g', unit: 2, from: 3, to: 3, value: -0.5 },
    ],
  ],
  [
    'lstm projSize 2: the projected h of one unit, and c',
    { cell: 'lstm', ...base, hiddenSize: 4, projSize: 2 },
    [
      { layer: 0, gate: 'h', unit: 1, from: 2, to: 3, value: 0.4 },
      { layer: 0, gate: 'c', unit: 3, from: 1, to: 1, value: -1.2 },
    ],
  ],
  [
    'lstm, bidirectional: c and f of the reverse direction',
    { cell: 'lstm', ...base, bidirectional: true },
    [
      { layer: 0, direction: 1, gate: 'c', from: 2, to: 2, value: 0.1 },
      { layer: 0, direction: 1, gate: 'f', unit: 0, from: 3, to: 4, value: 0.5 },
    ],
  ],
  [
    'gru pytorch: n, z, r and h',
    { cell: 'gru', ...base },
    [
      { layer: 0, gate: 'n', unit: 0, from: 2, to: 2, value: 0.5 },
      { layer: 0, gate: 'z', from: 1, to: 1, value: 1 },
      { layer: 0, gate: 'r', unit: 1, from: 0, to: 3, value: 0.2 },
      { layer: 0, gate: 'h', unit: 2, from: 3, to: 3, value: 0.9 },
    ],
  ],
  [
    'gru classic: n, z, r and h',
    { cell: 'gru', convention: 'classic', ...base },
    [
      { layer: 0, gate: 'n', unit: 0, from: 2, to: 2, value: 0.5 },
      { layer: 0, gate: 'z', from: 1, to: 1, value: 0 },
      { layer: 0, gate: 'r', unit: 1, from: 0, to: 3, value: 0.2 },
      { layer: 0, gate: 'h', unit: 2, from: 3, to: 3, value: 0.9 },
    ],
  ],
  [
    'gru pytorch, 2 layers, bidirectional',
    { cell: 'gru', ...base, numLayers: 2, bidirectional: true },
    [
      { layer: 0, direction: 1, gate: 'h', from: 1, to: 1, value: -0.4 },
      { layer: 0, gate: 'n', unit: 2, from: 3, to: 3, value: 0.1 },
      { layer: 1, direction: 1, gate: 'z', unit: 1, from: 0, to: 2, value: 0.3 },
    ],
  ],
  [
    'rnn tanh: h of one unit, then of every unit',
    { cell: 'rnn', ...base },
    [
      { layer: 0, gate: 'h', unit: 0, from: 1, to: 2, value: 0.5 },
      { layer: 0, gate: 'h', from: 3, to: 3, value: -0.25 },
    ],
  ],
  [
    'rnn tanh, 2 layers, bidirectional',
    { cell: 'rnn', ...base, numLayers: 2, bidirectional: true },
    [
      { layer: 1, direction: 1, gate: 'h', unit: 2, from: 2, to: 2, value: 0.6 },
      { layer: 0, direction: 0, gate: 'h', from: 1, to: 1, value: 0 },
    ],
  ],
];

describe('backward on intervened runs', () => {
  it.each(CASES)('%s: every gradient agrees with finite differences', (_, spec, list) => {
    const c = intervened(makeDirCase(spec, T, 3), list);
    const grads = backward(createModel(spec, c.sd), c.trace, c.w, c.final);
    expect(gradientMismatches(c, grads)).toEqual([]);
  });

  it.each(CASES)('%s: dL/dh_t at a clamped h is dL/d(value)', (_, spec, list) => {
    const c = intervened(makeDirCase(spec, T, 3), list);
    const grads = backward(createModel(spec, c.sd), c.trace, c.w, c.final);
    const D = spec.bidirectional ? 2 : 1;
    list.forEach((one, n) => {
      if (one.gate !== 'h' || one.unit === undefined || one.from !== one.to) return;
      const moved = (eps: number) =>
        lossWith(c, {
          init: {
            ...c.init,
            interventions: list.map((x, m) => (m === n ? { ...x, value: x.value + eps } : x)),
          } as DirCase['init'],
        });
      const index = one.layer * D + (one.direction ?? 0);
      const got = rows(grads.layers[index]!.dh)[one.from]![one.unit]!;
      expect(
        mismatches(`interventions[${n}]`, [got], [centralDiff(moved, STEP)], 1e-6, 1e-8),
      ).toEqual([]);
    });
  });

  it('a clamp that cuts every path from the weights of step 0 leaves them no gradient', () => {
    // With h of every unit clamped at step 0, x_0 reaches nothing: dL/dx_0 is exactly 0.
    const spec: ModelSpec = { cell: 'gru', ...base };
    const c = intervened(makeDirCase(spec, T, 5), [
      { layer: 0, gate: 'h', from: 0, to: 0, value: 0.3 },
    ]);
    const grads = backward(createModel(spec, c.sd), c.trace, c.w, c.final);
    expect(row(grads.xs[0])).toEqual([0, 0, 0]);
    expect(row(grads.h0[0])).toEqual([0, 0, 0]);
    expect(row(grads.xs[1]).some((x) => x !== 0)).toBe(true);
  });

  it('a trace sent to a worker and back keeps its interventions', () => {
    const spec: ModelSpec = { cell: 'lstm', ...base, bidirectional: true };
    const c = intervened(makeDirCase(spec, T, 3), CASES[3]![2]);
    const model = createModel(spec, c.sd);
    const back = traceFromPayload(model, structuredClone(tracePayload(c.trace)));
    expect(back.interventions).toEqual(c.trace.interventions);
    expect(backward(model, back, c.w, c.final)).toEqual(backward(model, c.trace, c.w, c.final));
    expect(jacobianNorms(model, back, 1)).toEqual(jacobianNorms(model, c.trace, 1));
  });

  it('backward with another model redoes the run with the same interventions', () => {
    const spec: ModelSpec = { cell: 'gru', ...base };
    const c = intervened(makeDirCase(spec, T, 3), CASES[4]![2]);
    const other = makeDirCase(spec, T, 8);
    const model = createModel(spec, other.sd);
    const own = forward(model, c.xs, c.init);
    expect(backward(model, c.trace, c.w, c.final)).toEqual(backward(model, own, c.w, c.final));
  });
});

/**
 * ‖∂h_T/∂h_t‖_F of a one-layer model by central differences: the run from the state
 * entering step t (taken from the trace), with the interventions shifted to its steps.
 */
function fdNorm(c: DirCase, list: Intervention[], t: number): number {
  const model = createModel(c.spec, c.sd);
  const h = t === 0 ? c.init.h0![0]! : row(c.trace.layers[0]!.gates.h![t - 1]);
  const cell =
    t === 0 ? c.init.c0?.[0] : c.trace.layers[0]!.gates.c && row(c.trace.layers[0]!.gates.c[t - 1]);
  const shifted = list
    .filter((one) => one.to >= t)
    .map((one) => ({ ...one, from: Math.max(0, one.from - t), to: one.to - t }));
  const hT = (bumped: number[]) =>
    row(
      forward(model, c.xs.slice(t), {
        h0: [bumped],
        ...(cell ? { c0: [cell] } : {}),
        interventions: shifted,
      }).hT[0],
    );
  const columns = h.map((_, j) =>
    h.map((__, r) => centralDiff((eps) => hT(h.map((x, k) => (k === j ? x + eps : x)))[r]!, STEP)),
  );
  return frobenius(columns);
}

describe('jacobianNorms on intervened runs', () => {
  const K = 2;
  const cut: [string, ModelSpec, string[]][] = [
    ['rnn tanh', { cell: 'rnn', ...base }, ['h']],
    ['gru pytorch', { cell: 'gru', ...base }, ['h']],
    ['gru classic', { cell: 'gru', convention: 'classic', ...base }, ['h']],
    ['lstm (h and c)', { cell: 'lstm', ...base }, ['h', 'c']],
  ];
  it.each(cut)(
    '%s clamped at step k over every unit: ‖∂h_T/∂h_t‖ = 0 for t ≤ k',
    (_, spec, gates) => {
      const list = gates.map((gate) => ({ layer: 0, gate, from: K, to: K, value: 0.5 }));
      const c = intervened(makeDirCase(spec, T, 3), list);
      const norms = jacobianNorms(createModel(spec, c.sd), c.trace, 0);
      expect(norms.slice(0, K + 1)).toEqual([0, 0, 0]);
      for (let t = K + 1; t < T; t++) {
        expect(norms[t]).toBeGreaterThan(0);
        expect(mismatches(`t = ${t}`, [norms[t]!], [fdNorm(c, list, t)], 1e-6, 1e-9)).toEqual([]);
      }
    },
  );

  it('lstm with only h clamped: c still carries h_t to h_T, as finite differences agree', () => {
    const spec: ModelSpec = { cell: 'lstm', ...base };
    const list = [{ layer: 0, gate: 'h', from: K, to: K, value: 0.5 }];
    const c = intervened(makeDirCase(spec, T, 3), list);
    const norms = jacobianNorms(createModel(spec, c.sd), c.trace, 0);
    for (let t = 0; t < T; t++) {
      expect(norms[t]).toBeGreaterThan(0);
      expect(mismatches(`t = ${t}`, [norms[t]!], [fdNorm(c, list, t)], 1e-6, 1e-9)).toEqual([]);
    }
  });

  it('the reverse direction is cut at its time step: entries t ≥ k are 0', () => {
    const spec: ModelSpec = { cell: 'gru', ...base, bidirectional: true };
    const c = intervened(makeDirCase(spec, T, 3), [
      { layer: 0, direction: 1, gate: 'h', from: K, to: K, value: 0.5 },
    ]);
    const model = createModel(spec, c.sd);
    const norms = jacobianNorms(model, c.trace, 1);
    expect(norms.slice(K)).toEqual([0, 0, 0]);
    norms.slice(0, K).forEach((x) => expect(x).toBeGreaterThan(0));
    expect(jacobianNorms(model, c.trace, 0).every((x) => x > 0)).toBe(true);
  });

  it('gates clamped over every step and unit leave only the paths they do not sit on', () => {
    // An RNN-like LSTM: f = 0 everywhere means c_t forgets c_{t−1}; h_{t−1} still reaches c_t.
    const spec: ModelSpec = { cell: 'lstm', ...base };
    const list = [{ layer: 0, gate: 'f', from: 0, to: T - 1, value: 0 }];
    const c = intervened(makeDirCase(spec, T, 3), list);
    const norms = jacobianNorms(createModel(spec, c.sd), c.trace, 0);
    norms.forEach((x, t) =>
      expect(mismatches(`t = ${t}`, [x], [fdNorm(c, list, t)], 1e-6, 1e-9)).toEqual([]),
    );
  });
});
