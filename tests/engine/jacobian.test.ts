/**
 * jacobianNorms(model, trace, layer)[t] = ‖∂h_T/∂h_t‖_F, h_t the state entering step t.
 * Checked against a Jacobian built column by column with central differences of forward
 * (the layer run alone from h_t + ε·e_k, its c_t and its inputs held fixed), and against
 * the two pictures NOTES.md asks a student to see: geometric decay in a contracting tanh
 * RNN, and the LSTM's cell path carrying the gradient when its forget gates sit at 1.
 */
import { describe, expect, it } from 'vitest';
import { createModel, forward, initParams, jacobianNorms } from '../../src/engine';
import type { ModelSpec, StateDict, Trace } from '../../src/engine';
import {
  CONFIGS,
  type InitState,
  frobenius,
  gateRows,
  layerInputs,
  layerModel,
  makeSpec,
  minAbsPre,
  mismatches,
  randMatrix,
  rng,
  row,
  runFrom,
  stateEntering,
  traceView,
} from './support';

const STEP = 1e-6;

/** ‖∂h_T/∂h_t‖_F for every t by finite differences on layer `l` run by itself. */
function bruteNorms(
  spec: ModelSpec,
  sd: StateDict,
  xs: number[][],
  init: InitState,
  trace: Trace,
  l: number,
): number[] {
  const sub = layerModel(spec, sd, l);
  const inputs = layerInputs(xs, trace, l);
  return inputs.map((_, t) => {
    const { h, c } = stateEntering(spec, init, trace, l, t);
    const rest = inputs.slice(t);
    const hT = (k: number, eps: number): number[] => {
      const start = h.map((x, j) => (j === k ? x + eps : x));
      return row(traceView(runFrom(sub, spec, rest, [start], c ? [c] : undefined)).hT[0]);
    };
    const columns = h.map((_x, k) => {
      const plus = hT(k, STEP);
      const minus = hT(k, -STEP);
      return plus.map((p, j) => (p - (minus[j] ?? NaN)) / (2 * STEP));
    });
    return frobenius(columns);
  });
}

/** Random model, inputs and initial state; relu draws are kept away from the kink. */
function setup(spec: ModelSpec, seed: number, T: number) {
  const L = spec.numLayers;
  const H = spec.hiddenSize;
  for (let attempt = 0; attempt < 100; attempt++) {
    const rand = rng(seed * 31 + attempt);
    const sd = initParams(spec, { seed: seed + attempt, weightScale: 1.5 });
    const xs = randMatrix(rand, T, spec.inputSize, 1.5);
    const init: InitState = { h0: randMatrix(rand, L, H, 0.8), c0: randMatrix(rand, L, H, 1.5) };
    if (spec.cell !== 'lstm') delete init.c0;
    const model = createModel(spec, sd);
    const trace = forward(model, xs, init);
    if (spec.nonlinearity === 'relu' && minAbsPre(trace) < 1e-3) continue;
    return { sd, xs, init, model, trace };
  }
  throw new Error('no draw kept the relu pre-activations away from 0');
}

/**
 * An upper bound on the spectral norm of a square matrix W: √‖WᵀW‖_∞, since the largest
 * eigenvalue of WᵀW is at most any induced norm of it. Tight for a multiple of an
 * orthogonal matrix.
 */
function spectralBound(W: number[][]): number {
  const n = W.length;
  let worst = 0;
  for (let i = 0; i < n; i++) {
    let rowSum = 0;
    for (let j = 0; j < n; j++) {
      let g = 0;
      for (const r of W) g += (r[i] ?? NaN) * (r[j] ?? NaN);
      rowSum += Math.abs(g);
    }
    worst = Math.max(worst, rowSum);
  }
  return Math.sqrt(worst);
}

describe('jacobianNorms against a finite-difference Jacobian', () => {
  for (const cfg of CONFIGS) {
    for (const L of [1, 2]) {
      for (let l = 0; l < L; l++) {
        it(`${cfg.name}, layer ${l} of ${L}`, () => {
          const spec = makeSpec(cfg, 3, 4, L);
          const { sd, xs, init, model, trace } = setup(spec, 7 + L, 6);
          const norms = Array.from(jacobianNorms(model, trace, l));
          expect(norms).toHaveLength(6);
          const brute = bruteNorms(spec, sd, xs, init, trace, l);
          expect(mismatches(`norms (layer ${l})`, norms, brute, 1e-6, 1e-8)).toEqual([]);
          if (l === 0) expect(Array.from(jacobianNorms(model, trace))).toEqual(norms);
        });
      }
    }
  }

  it('gives one entry per step: none for T = 0, one for T = 1', () => {
    const spec = makeSpec({ name: 'lstm', cell: 'lstm' }, 2, 3, 1);
    const model = createModel(spec, initParams(spec, { seed: 1 }));
    expect(Array.from(jacobianNorms(model, forward(model, [])))).toEqual([]);
    const one = Array.from(jacobianNorms(model, forward(model, [[0.3, -0.7]])));
    expect(one).toHaveLength(1);
    expect(one[0]).toBeGreaterThan(0);
  });

  it('matches the closed form ‖diag(1 − h_T²)·W_hh‖_F for one tanh RNN step', () => {
    const spec = makeSpec({ name: 'rnn tanh', cell: 'rnn', nonlinearity: 'tanh' }, 3, 5, 1);
    const { sd, model, trace } = setup(spec, 3, 4);
    const W = sd.weight_hh_l0 as number[][];
    const hT = row(gateRows(trace, 0, 'h')[3]);
    const expected = frobenius(W.map((r, i) => r.map((w) => (1 - (hT[i] ?? NaN) ** 2) * w)));
    const last = jacobianNorms(model, trace)[3] ?? NaN;
    expect(Math.abs(last - expected)).toBeLessThanOrEqual(1e-12 * expected);
  });
});

describe('vanishing gradients and the constant error carousel', () => {
  const T = 80;
  const H = 8;
  const xs = randMatrix(rng(2024), T, 3, 1);

  it('a tanh RNN with ‖W_hh‖₂ = ρ < 1 shrinks at least like ρ^(T−t)', () => {
    const spec = makeSpec({ name: 'rnn tanh', cell: 'rnn', nonlinearity: 'tanh' }, 3, H, 1);
    const sd = initParams(spec, { seed: 5, scheme: 'orthogonal', weightScale: 0.5 });
    const rho = spectralBound(sd.weight_hh_l0 as number[][]);
    expect(rho).toBeLessThan(0.5 + 1e-9);
    const model = createModel(spec, sd);
    const norms = Array.from(jacobianNorms(model, forward(model, xs)));
    // ∂h_T/∂h_t = (∂h_T/∂h_{t+1})·diag(tanh′)·W_hh and ‖AB‖_F ≤ ‖A‖_F·‖B‖₂ ≤ ‖A‖_F·ρ.
    for (let t = 0; t < T - 1; t++) {
      expect(norms[t]).toBeLessThanOrEqual((norms[t + 1] ?? NaN) * rho * (1 + 1e-9));
    }
    // One step: ‖diag(tanh′)·W_hh‖_F ≤ ‖W_hh‖_F ≤ √H·ρ; so norms[t] ≤ √H·ρ^(T−t).
    norms.forEach((n, t) => expect(n).toBeLessThanOrEqual(Math.sqrt(H) * rho ** (T - t) * 1.001));
    expect(norms[0] ?? NaN).toBeGreaterThan(0);
  });

  it('an LSTM with forget gates at 1 keeps ‖∂h_T/∂h_t‖ flat; a tanh RNN loses orders of magnitude', () => {
    const scale = 0.9;
    const lstmSpec = makeSpec({ name: 'lstm', cell: 'lstm' }, 3, H, 1);
    const sd = initParams(lstmSpec, {
      seed: 5,
      scheme: 'orthogonal',
      weightScale: scale,
      forgetBias: 20,
    });
    // Input gates near 0 (σ(−4) ≈ 0.018): c changes slowly, so f ≈ 1 − 2e-9 makes the
    // cell path an identity map that carries whatever enters it through i ⊙ g.
    const bias = sd.bias_ih_l0 as number[];
    for (let j = 0; j < H; j++) bias[j] = (bias[j] ?? NaN) - 4;
    const lstm = createModel(lstmSpec, sd);
    const lstmTrace = forward(lstm, xs);
    for (const f of gateRows(lstmTrace, 0, 'f').flat()) expect(f).toBeGreaterThan(1 - 1e-7);
    const lstmNorms = Array.from(jacobianNorms(lstm, lstmTrace));

    const rnnSpec = makeSpec({ name: 'rnn tanh', cell: 'rnn', nonlinearity: 'tanh' }, 3, H, 1);
    const rnnSd = initParams(rnnSpec, { seed: 5, scheme: 'orthogonal', weightScale: scale });
    const rnn = createModel(rnnSpec, rnnSd);
    const rnnNorms = Array.from(jacobianNorms(rnn, forward(rnn, xs)));

    const first = (a: number[]) => a[0] ?? NaN;
    const last = (a: number[]) => a[T - 1] ?? NaN;
    // Flat within a modest factor over all 80 steps, from one step back to 80 steps back.
    expect(Math.max(...lstmNorms) / Math.min(...lstmNorms)).toBeLessThan(10);
    expect(first(lstmNorms) / last(lstmNorms)).toBeGreaterThan(0.1);
    // The RNN: bounded by √H·0.9^80 ≈ 6e-4 at t = 0, and far below its one-step value.
    expect(first(rnnNorms)).toBeLessThanOrEqual(Math.sqrt(H) * scale ** T * 1.001);
    expect(first(rnnNorms) / last(rnnNorms)).toBeLessThan(1e-4);
    expect(first(lstmNorms)).toBeGreaterThan(100 * first(rnnNorms));
  });
});

describe('jacobianNorms far from 1', () => {
  it('stays a true norm below 1e-162, where squares alone would underflow to 0', () => {
    const spec = { cell: 'rnn', inputSize: 1, hiddenSize: 4, numLayers: 1 } as const;
    const model = createModel(
      spec,
      initParams(spec, { seed: 1, scheme: 'orthogonal', weightScale: 0.3 }),
    );
    const xs = Array.from({ length: 400 }, () => [0]);
    const norms = jacobianNorms(model, forward(model, xs));
    // Each step multiplies by at most 0.3 (orthogonal × 0.3, |tanh′| ≤ 1) and, with zero
    // input and zero state, exactly by 0.3 (tanh′(0) = 1): norm[t] = 2·0.3^(T−t)·… > 0.
    const tiny = norms.filter((v) => v < 1e-162);
    expect(tiny.length).toBeGreaterThan(0);
    expect(tiny.every((v) => v > 0)).toBe(true);
    for (let t = 1; t < norms.length; t++) {
      if (norms[t - 1]! > 1e-300) expect(norms[t - 1]! / norms[t]!).toBeCloseTo(0.3, 10);
    }
  });
});
