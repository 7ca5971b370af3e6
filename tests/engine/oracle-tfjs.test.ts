/**
 * The engine against an independent implementation: TensorFlow.js's own SimpleRNN, LSTM
 * and GRU layers (cpu backend), loaded with the same parameters through the Keras layout
 * mapping in ./tfjs-oracle.ts. Covers rnn (tanh, relu), lstm and gru in the `classic`
 * convention (tfjs-layers has no reset_after=True GRU, so `pytorch` is not covered here),
 * 1 and 2 layers, H ∈ {1, 5, 16}, I ∈ {1, 3}, T ∈ {1, 7, 40}, weight scales 0.5 and 3,
 * all three init schemes, zero and random initial states.
 *
 * Two comparisons per case:
 * - free-running: outputs, hT, cT and each layer's h sequence after the whole sequence;
 * - teacher-forced: every step of every layer recomputed by tfjs from the engine's own
 *   inputs and previous state, checking h (and c) from the tfjs cell and the gate values
 *   and pre-activations (recomputed with tfjs ops from the Keras-layout weights).
 * The second isolates each step; the first catches anything that only goes wrong across
 * steps or layers (state hand-over, initial states, final states).
 *
 * Tolerance: tfjs works in float32. Per step the rounding error is at most about
 * n·u·Σ|w·x| with u = 2⁻²⁴ and n ≤ 4H + I ≤ 68 terms, i.e. ≲ 1e-5 of the magnitude of the
 * step's inputs and result. We allow 1e-4·(1 + magnitude), where magnitude is the largest
 * |value| in the row (and, for a teacher-forced step, in that step's inputs and previous
 * state). A layout or equation error moves values by O(0.1–1).
 *
 * Free-running, errors also travel through the recurrence, amplified by ‖∂h_T/∂h_t‖. For
 * contracting dynamics that changes nothing, but a tanh RNN with orthogonal weights ×3 is
 * chaotic: ‖∂h_40/∂h_0‖ reaches ~10⁴ and any float32 run drifts ~10⁻³ from float64. So
 * each free-running row also gets {@link CHAOS_FACTOR} × the row's *conditioning spread*:
 * how far the float64 engine itself moves when its parameters, inputs and initial states
 * are merely rounded to float32 (Math.fround). That measures the problem's sensitivity,
 * not the engine's accuracy; it is ~1e-7 (negligible) unless the dynamics amplify.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  backward,
  createModel,
  forward,
  initParams,
  type ModelSpec,
  type StateDict,
  type Trace,
} from '../../src/engine';
import {
  FLOAT32_TOLERANCE,
  buildTfjsModel,
  runTfjs,
  setupTfjs,
  tfjsGradients,
  tfjsSteps,
  type InitialState,
} from './tfjs-oracle';

type Rows = readonly ArrayLike<number>[];

/** Deterministic uniform numbers in [−1, 1) (mulberry32), for inputs and initial states. */
function uniforms(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 31 - 1;
  };
}

function randomRows(rows: number, cols: number, next: () => number): number[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, next));
}

/**
 * Per step, float32 arithmetic adds at most ~n·u (n ≤ 68 terms, typically ~√n·u) where
 * rounding the data adds ~u, so a float32 run may drift a few times further than the
 * conditioning spread (measured: 1–6×); 30 leaves margin and is still 10³× below the
 * O(0.1–1) of a real error in the cases where the spread matters (≤ 2e-3).
 */
const CHAOS_FACTOR = 30;

function maxAbs(...rows: (ArrayLike<number> | undefined)[]): number {
  let m = 0;
  for (const row of rows)
    for (let j = 0; j < (row?.length ?? 0); j++) m = Math.max(m, Math.abs(row?.[j] ?? 0));
  return m;
}

/**
 * Asserts |actual − expected| ≤ abs + rel·scale_t + CHAOS_FACTOR·max_j |spread[t][j]|
 * element-wise, scale_t being the largest magnitude in row t of either side and of the
 * `context` rows. Reports the worst element.
 */
function expectRowsClose(
  actual: Rows,
  expected: Rows,
  label: string,
  { context = [], spread }: { context?: Rows[]; spread?: Rows } = {},
): void {
  expect(actual.length, `${label}: rows`).toBe(expected.length);
  let worst = { excess: 0, t: -1, j: -1, a: 0, e: 0 };
  expected.forEach((eRow, t) => {
    const aRow = actual[t];
    expect(aRow?.length, `${label}[${t}]: columns`).toBe(eRow.length);
    const scale = maxAbs(aRow, eRow, ...context.map((c) => c[t]));
    const tol =
      FLOAT32_TOLERANCE.abs + FLOAT32_TOLERANCE.rel * scale + CHAOS_FACTOR * maxAbs(spread?.[t]);
    for (let j = 0; j < eRow.length; j++) {
      const a = aRow?.[j] ?? NaN;
      const e = eRow[j] ?? NaN;
      const excess = Number.isNaN(a - e) ? Infinity : Math.abs(a - e) / tol;
      if (excess > worst.excess) worst = { excess, t, j, a, e };
    }
  });
  const { t, j, a, e } = worst;
  expect(worst.excess, `${label}[${t}][${j}]: engine ${a} vs tfjs ${e}`).toBeLessThanOrEqual(1);
}

interface Case {
  name: string;
  spec: ModelSpec;
  scheme: 'pytorch' | 'xavier' | 'orthogonal';
  weightScale: number;
  seed: number;
  T: number;
  /** Random h0 (and c0) instead of zeros. */
  randomInit: boolean;
  /** lstm: added to the forget-gate bias by initParams. */
  forgetBias: number;
}

const CELLS: { label: string; spec: Pick<ModelSpec, 'cell' | 'nonlinearity' | 'convention'> }[] = [
  { label: 'rnn tanh', spec: { cell: 'rnn', nonlinearity: 'tanh' } },
  { label: 'rnn relu', spec: { cell: 'rnn', nonlinearity: 'relu' } },
  { label: 'lstm', spec: { cell: 'lstm' } },
  { label: 'gru classic', spec: { cell: 'gru', convention: 'classic' } },
];
const SCHEMES = ['pytorch', 'xavier', 'orthogonal'] as const;

/** Every combination of layers, H, I, T and scale; scheme, seed and initial state rotate. */
function casesFor(cellIndex: number): Case[] {
  const cell = CELLS[cellIndex];
  if (!cell) return [];
  const out: Case[] = [];
  for (const numLayers of [1, 2])
    for (const hiddenSize of [1, 5, 16])
      for (const inputSize of [1, 3])
        for (const T of [1, 7, 40])
          for (const weightScale of [0.5, 3]) {
            const k = out.length;
            const scheme = SCHEMES[(k + cellIndex) % 3] ?? 'pytorch';
            // Not k % 2: that is the scale's parity.
            const randomInit = (k >> 1) % 2 === 1;
            const forgetBias = cell.spec.cell === 'lstm' && k % 3 === 2 ? 1 : 0;
            out.push({
              name: `L=${numLayers} H=${hiddenSize} I=${inputSize} T=${T} scale=${weightScale} ${scheme}${forgetBias ? ' forgetBias=1' : ''}${randomInit ? ' h0' : ''}`,
              spec: { ...cell.spec, inputSize, hiddenSize, numLayers },
              scheme,
              weightScale,
              seed: 1000 * cellIndex + k,
              T,
              randomInit,
              forgetBias,
            });
          }
  return out;
}

/** Layer l's h sequence shifted by one step: the state entering each step. */
function statesEntering(first: ArrayLike<number>, seq: Rows, T: number): Rows {
  return [first, ...seq.slice(0, T - 1)];
}

function checkCase(c: Case): void {
  const { spec, T } = c;
  const H = spec.hiddenSize;
  const L = spec.numLayers;
  const params = initParams(spec, {
    seed: c.seed,
    scheme: c.scheme,
    weightScale: c.weightScale,
    forgetBias: c.forgetBias,
  });
  const next = uniforms(c.seed + 7);
  const xs = randomRows(T, spec.inputSize, next);
  const init: InitialState = {};
  if (c.randomInit) {
    init.h0 = randomRows(L, H, next);
    if (spec.cell === 'lstm') init.c0 = randomRows(L, H, next);
  }
  const h0 = init.h0 ?? randomRows(L, H, () => 0);
  const c0 = init.c0 ?? randomRows(L, H, () => 0);

  const trace: Trace = forward(createModel(spec, params), xs, init);
  const f32 = (rows: number[][]) => rows.map((r) => r.map(Math.fround));
  const f32Params = roundParams(params);
  const f32Init: InitialState = {};
  if (init.h0) f32Init.h0 = f32(init.h0);
  if (init.c0) f32Init.c0 = f32(init.c0);
  const rounded: Trace = forward(createModel(spec, f32Params), f32(xs), f32Init);
  const spread = (a: Rows, b: Rows): Rows =>
    a.map((row, t) => Array.from(row, (v, j) => v - (b[t]?.[j] ?? NaN)));
  const tfjs = buildTfjsModel(spec, params);
  try {
    // Free-running: the whole sequence through every layer.
    const run = runTfjs(tfjs, xs, init);
    expectRowsClose(trace.outputs, run.outputs, 'outputs', {
      spread: spread(trace.outputs, rounded.outputs),
    });
    expectRowsClose(trace.hT, run.hT, 'hT', { spread: spread(trace.hT, rounded.hT) });
    if (spec.cell === 'lstm') {
      expect(trace.cT, 'cT').toBeDefined();
      expectRowsClose(trace.cT ?? [], run.cT ?? [], 'cT', {
        spread: spread(trace.cT ?? [], rounded.cT ?? []),
      });
    }
    // Teacher-forced: each step of each layer from the engine's own inputs and states.
    for (let l = 0; l < L; l++) {
      const layer = trace.layers[l];
      const below = trace.layers[l - 1];
      expect(layer, `layer ${l}`).toBeDefined();
      if (!layer) return;
      const hSeq = layer.gates.h ?? [];
      expectRowsClose(hSeq, run.layerOutputs[l] ?? [], `layer ${l} h (free-running)`, {
        spread: spread(hSeq, rounded.layers[l]?.gates.h ?? []),
      });
      const inputs: Rows = l === 0 ? xs : (below?.gates.h ?? []);
      const hPrev = statesEntering(h0[l] ?? [], hSeq, T);
      const cPrev =
        spec.cell === 'lstm' ? statesEntering(c0[l] ?? [], layer.gates.c ?? [], T) : undefined;
      const step = tfjsSteps(tfjs, l, [...inputs], [...hPrev], cPrev ? [...cPrev] : undefined);
      const context = cPrev ? [inputs, hPrev, cPrev] : [inputs, hPrev];
      for (const [name, rows] of Object.entries(step.gates)) {
        expect(layer.gates[name], `gates.${name} in trace`).toBeDefined();
        expectRowsClose(layer.gates[name] ?? [], rows, `layer ${l} gates.${name}`, { context });
      }
      for (const [name, rows] of Object.entries(step.pre)) {
        expect(layer.pre[name], `pre.${name} in trace`).toBeDefined();
        expectRowsClose(layer.pre[name] ?? [], rows, `layer ${l} pre.${name}`, { context });
      }
    }
  } finally {
    tfjs.dispose();
  }
}

/** Rounds every number of a state dict to float32. */
function roundParams(params: StateDict): StateDict {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      v.map((r: number | number[]) =>
        typeof r === 'number' ? Math.fround(r) : r.map(Math.fround),
      ),
    ]),
  ) as StateDict;
}

/** Rows of a StateDict entry (a bias becomes one row per element's block: one row). */
function asRows(v: number[] | number[][] | undefined): Rows {
  if (!v) return [];
  return v.every((r) => typeof r === 'number') ? [v as number[]] : (v as number[][]);
}

/**
 * BPTT against tfjs autodiff: L = Σ dOutputs ⊙ outputs with random dOutputs; dL/dxs,
 * dL/dh0, dL/dc0 and every parameter, with the same float32 tolerance and conditioning
 * spread as the free-running forward comparison.
 */
function checkGradients(c: Case): void {
  const { spec, T } = c;
  const { hiddenSize: H, numLayers: L } = spec;
  const params = initParams(spec, {
    seed: c.seed,
    scheme: c.scheme,
    weightScale: c.weightScale,
    forgetBias: c.forgetBias,
  });
  const next = uniforms(c.seed + 11);
  const xs = randomRows(T, spec.inputSize, next);
  const dOutputs = randomRows(T, H, next);
  const init: InitialState = { h0: randomRows(L, H, next) };
  if (spec.cell === 'lstm') init.c0 = randomRows(L, H, next);
  const f32 = (rows: number[][]) => rows.map((r) => r.map(Math.fround));

  const model = createModel(spec, params);
  const grads = backward(model, forward(model, xs, init), dOutputs);
  const roundedModel = createModel(spec, roundParams(params));
  const roundedInit: InitialState = { h0: f32(init.h0 ?? []) };
  if (init.c0) roundedInit.c0 = f32(init.c0);
  const rounded = backward(
    roundedModel,
    forward(roundedModel, f32(xs), roundedInit),
    f32(dOutputs),
  );
  const spread = (a: Rows, b: Rows): Rows =>
    a.map((row, t) => Array.from(row, (v, j) => v - (b[t]?.[j] ?? NaN)));

  const tfjs = buildTfjsModel(spec, params);
  try {
    const ref = tfjsGradients(tfjs, xs, dOutputs, init);
    expectRowsClose(grads.xs, ref.xs, 'dxs', { spread: spread(grads.xs, rounded.xs) });
    expectRowsClose(grads.h0, ref.h0, 'dh0', { spread: spread(grads.h0, rounded.h0) });
    if (spec.cell === 'lstm') {
      expectRowsClose(grads.c0 ?? [], ref.c0 ?? [], 'dc0', {
        spread: spread(grads.c0 ?? [], rounded.c0 ?? []),
      });
    }
    expect(Object.keys(grads.params).sort()).toEqual(Object.keys(ref.params).sort());
    for (const [name, expected] of Object.entries(ref.params)) {
      const actual = asRows(grads.params[name]);
      expectRowsClose(actual, asRows(expected), `d${name}`, {
        spread: spread(actual, asRows(rounded.params[name])),
      });
    }
  } finally {
    tfjs.dispose();
  }
}

/** A smaller grid for gradients: 2 sizes, 1–2 layers, T 7 and 40, both scales. */
function gradientCasesFor(cellIndex: number): Case[] {
  return casesFor(cellIndex).filter(
    (c) => c.spec.hiddenSize !== 1 && c.spec.inputSize === 3 && c.T !== 1,
  );
}

beforeAll(async () => {
  await setupTfjs();
});

describe('engine forward pass agrees with TensorFlow.js layers (float32 tolerance)', () => {
  CELLS.forEach(({ label }, cellIndex) => {
    describe(label, () => {
      it.each(casesFor(cellIndex).map((c) => [c.name, c] as const))('%s', (_name, c) => {
        checkCase(c);
      });
    });
  });
});

describe('engine backward pass agrees with TensorFlow.js autodiff (float32 tolerance)', () => {
  CELLS.forEach(({ label }, cellIndex) => {
    describe(label, () => {
      it.each(gradientCasesFor(cellIndex).map((c) => [c.name, c] as const))('%s', (_name, c) => {
        checkGradients(c);
      });
    });
  });
});
