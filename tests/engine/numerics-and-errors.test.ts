/**
 * Two kinds of robustness. Numerics: saturated gates (pre-activations up to |a| = 1e4)
 * must not overflow into NaN anywhere in forward, backward or jacobianNorms. Bad input:
 * every non-finite value, wrong shape, missing or unknown parameter and invalid spec
 * throws an Error that names the culprit and states what was expected.
 */
import { describe, expect, it } from 'vitest';
import {
  backward,
  createModel,
  forward,
  initParams,
  jacobianNorms,
  MAX_LAYERS,
} from '../../src/engine';
import type { ModelSpec, StateDict } from '../../src/engine';
import {
  CONFIGS,
  cloneStateDict,
  gradView,
  makeSpec,
  randMatrix,
  rng,
  rows,
  sigmoidGates,
  traceView,
  gateRows,
  layerOf,
} from './support';

const SATURATING = CONFIGS.filter((c) => c.nonlinearity !== 'relu');

/** Every number of a trace, its gradients and its Jacobian norms. */
function everything(spec: ModelSpec, sd: StateDict, xs: number[][]) {
  const model = createModel(spec, sd);
  const trace = forward(model, xs);
  const tv = traceView(trace);
  const values: number[] = [...rows(tv.outputs).flat(), ...rows(tv.hT).flat()];
  if (tv.cT) values.push(...rows(tv.cT).flat());
  let maxAbsPre = 0;
  for (let l = 0; l < spec.numLayers; l++) {
    const layer = layerOf(trace, l);
    for (const g of Object.values(layer.gates)) values.push(...rows(g).flat());
    for (const p of Object.values(layer.pre)) {
      for (const x of rows(p).flat()) maxAbsPre = Math.max(maxAbsPre, Math.abs(x));
      values.push(...rows(p).flat());
    }
  }
  const dOut = randMatrix(rng(3), xs.length, spec.hiddenSize);
  const g = gradView(backward(model, trace, dOut));
  const grads: number[] = [...rows(g.xs).flat(), ...rows(g.h0).flat()];
  if (g.c0) grads.push(...rows(g.c0).flat());
  for (const p of Object.values(g.params)) grads.push(...rows(p as number[][]).flat());
  for (let l = 0; l < spec.numLayers; l++) grads.push(...rows(g.layers[l]?.dh).flat());
  const norms: number[] = [];
  for (let l = 0; l < spec.numLayers; l++)
    norms.push(...Array.from(jacobianNorms(model, trace, l)));
  return { trace, values, grads, norms, maxAbsPre };
}

const allFinite = (xs: number[]) => xs.filter((x) => !Number.isFinite(x)).length;

describe('numerics with saturated gates', () => {
  for (const cfg of SATURATING) {
    it(`${cfg.name}: weightScale 1e3 gives finite forward, backward and jacobianNorms`, () => {
      const spec = makeSpec(cfg, 3, 4, 2);
      const sd = initParams(spec, { seed: 8, weightScale: 1e3 });
      const xs = randMatrix(rng(4), 12, 3, 10);
      const r = everything(spec, sd, xs);
      // Far past where a naive exp(−a) or exp(a) overflows (|a| > 709).
      expect(r.maxAbsPre).toBeGreaterThan(1e3);
      expect(allFinite(r.values)).toBe(0);
      expect(allFinite(r.grads)).toBe(0);
      expect(allFinite(r.norms)).toBe(0);
      for (let l = 0; l < 2; l++) {
        for (const name of sigmoidGates(cfg.cell)) {
          for (const v of gateRows(r.trace, l, name).flat()) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1);
          }
        }
      }
    });

    it(`${cfg.name}: biases of ±1e4 pin sigmoid gates to exactly 0 or 1 without NaN`, () => {
      const spec = makeSpec(cfg, 2, 3, 1);
      const sd = cloneStateDict(initParams(spec, { seed: 2, weightScale: 0.1 }));
      const b = sd.bias_ih_l0 as number[];
      b.forEach((_, r) => (b[r] = r % 2 === 0 ? 1e4 : -1e4));
      (sd.bias_hh_l0 as number[]).fill(0);
      const r = everything(spec, sd, randMatrix(rng(6), 5, 2, 1));
      expect(r.maxAbsPre).toBeGreaterThan(0.99e4);
      expect(allFinite(r.values)).toBe(0);
      expect(allFinite(r.grads)).toBe(0);
      expect(allFinite(r.norms)).toBe(0);
      const pre = layerOf(r.trace, 0).pre;
      for (const name of sigmoidGates(cfg.cell)) {
        const a = rows(pre[name]).flat();
        gateRows(r.trace, 0, name)
          .flat()
          .forEach((v, i) => {
            // σ(a) for a ≥ 9e3 rounds to 1; for a ≤ −9e3 it is below 1e-300.
            if ((a[i] ?? 0) > 9e3) expect(v).toBe(1);
            else if ((a[i] ?? 0) < -9e3) expect(v).toBeLessThan(1e-300);
            expect(v).toBeGreaterThanOrEqual(0);
          });
      }
    });
  }
});

/** Runs `fn`, which must throw an Error whose message matches every pattern. */
function expectError(fn: () => unknown, ...patterns: RegExp[]): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, 'expected a throw').toBeInstanceOf(Error);
  const message = (caught as Error).message;
  for (const p of patterns) expect(message).toMatch(p);
}

/** The expected pair of numbers, formatted however the engine likes: [32][8], 32×8, (32, 8). */
const shape2 = (a: number, b: number) => new RegExp(`\\b${a}\\D{1,6}${b}\\b`);
const num = (n: number) => new RegExp(`\\b${n}\\b`);

describe('bad input throws a message naming the culprit and the expected shape', () => {
  // lstm, I = 3, H = 8, L = 2: G·H = 32 rows per weight; T = 5.
  const spec = makeSpec({ name: 'lstm', cell: 'lstm' }, 3, 8, 2);
  const sd = initParams(spec, { seed: 1 });
  const model = createModel(spec, sd);
  const xs = randMatrix(rng(1), 5, 3);
  const h0 = randMatrix(rng(2), 2, 8);
  const trace = forward(model, xs, { h0, c0: h0 });
  const dOut = randMatrix(rng(3), 5, 8);
  const withSd = (edit: (s: StateDict) => void) => {
    const s = cloneStateDict(sd);
    edit(s);
    return () => createModel(spec, s);
  };
  const setM = (m: number[][], i: number, j: number, v: number) =>
    m.map((r, a) => r.map((x, b) => (a === i && b === j ? v : x)));

  it('a NaN or ±Infinity in xs names xs and the step', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      expectError(() => forward(model, setM(xs, 2, 1, bad)), /xs/, num(2));
    }
  });

  it('a non-finite h0 or c0 names it', () => {
    expectError(() => forward(model, xs, { h0: setM(h0, 1, 3, Infinity) }), /h0/);
    expectError(() => forward(model, xs, { h0, c0: setM(h0, 0, 0, -Infinity) }), /c0/);
    expectError(() => forward(model, xs, { h0: setM(h0, 0, 5, NaN) }), /h0/);
  });

  it('a non-finite parameter names the parameter', () => {
    expectError(
      withSd((s) => ((s.bias_hh_l1 as number[])[5] = NaN)),
      /bias_hh_l1/,
    );
    expectError(
      withSd((s) => ((s.weight_ih_l0 as number[][])[2]![1] = Infinity)),
      /weight_ih_l0/,
    );
  });

  it('a non-finite dOutputs, dhT or dcT names it and the step', () => {
    expectError(() => backward(model, trace, setM(dOut, 1, 2, NaN)), /dOutputs/, num(1));
    expectError(() => backward(model, trace, setM(dOut, 3, 0, -Infinity)), /dOutputs/, num(3));
    expectError(() => backward(model, trace, dOut, { dhT: setM(h0, 1, 1, NaN) }), /dhT/);
    expectError(() => backward(model, trace, dOut, { dcT: setM(h0, 0, 1, Infinity) }), /dcT/);
  });

  it('a wrong xs row names xs, the step and the expected width', () => {
    const bad = xs.map((r, t) => (t === 4 ? [...r, 0.5] : r));
    expectError(() => forward(model, bad), /xs/, num(4), num(3));
    const short = xs.map((r, t) => (t === 4 ? r.slice(0, 1) : r));
    expectError(() => forward(model, short), /xs/, num(4), num(3));
  });

  it('a parameter of the wrong shape names it and states [G·H][in]', () => {
    expectError(
      withSd((s) => (s.weight_hh_l0 = (s.weight_hh_l0 as number[][]).map((r) => r.slice(1)))),
      /weight_hh_l0/,
      shape2(32, 8),
    );
    expectError(
      withSd((s) => (s.weight_hh_l0 = (s.weight_hh_l0 as number[][]).slice(1))),
      /weight_hh_l0/,
      shape2(32, 8),
    );
    // Layer 1 reads layer 0's h: in = H = 8, not inputSize = 3.
    expectError(
      withSd((s) => (s.weight_ih_l1 = cloneStateDict(sd).weight_ih_l0 as number[][])),
      /weight_ih_l1/,
      shape2(32, 8),
    );
    expectError(
      withSd((s) => (s.bias_ih_l0 = (s.bias_ih_l0 as number[]).slice(1))),
      /bias_ih_l0/,
      num(32),
    );
  });

  it('h0, c0, dOutputs, dhT of the wrong shape name it and state the expected shape', () => {
    const narrow = h0.map((r) => r.slice(1));
    expectError(() => forward(model, xs, { h0: narrow }), /h0/, shape2(2, 8));
    expectError(() => forward(model, xs, { h0: h0.slice(1) }), /h0/, shape2(2, 8));
    expectError(() => forward(model, xs, { h0, c0: h0.map((r) => [...r, 0]) }), /c0/, shape2(2, 8));
    expectError(() => backward(model, trace, dOut.slice(1)), /dOutputs/, shape2(5, 8));
    const thin = dOut.map((r) => r.slice(1));
    expectError(() => backward(model, trace, thin), /dOutputs/, shape2(5, 8));
    expectError(() => backward(model, trace, dOut, { dhT: narrow }), /dhT/, shape2(2, 8));
  });

  it('a missing parameter is named, with its expected shape', () => {
    expectError(
      withSd((s) => delete s.bias_hh_l1),
      /bias_hh_l1/,
      num(32),
    );
    expectError(
      withSd((s) => delete s.weight_ih_l0),
      /weight_ih_l0/,
      shape2(32, 3),
    );
  });

  it('an unknown parameter name is named', () => {
    expectError(
      withSd((s) => (s.weight_ih_l5 = [[1]])),
      /weight_ih_l5/,
    );
    expectError(
      withSd((s) => (s.weight_ih_l2 = cloneStateDict(sd).weight_ih_l1 as number[][])),
      /weight_ih_l2/,
    );
    expectError(
      withSd((s) => (s.foo = [1, 2])),
      /foo/,
    );
  });

  it('an invalid spec names the offending field, in createModel and initParams', () => {
    const base = { cell: 'gru', inputSize: 3, hiddenSize: 4, numLayers: 1 };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ numLayers: 0 }, /numLayers/],
      [{ numLayers: MAX_LAYERS + 1 }, /numLayers/],
      [{ numLayers: 1.5 }, /numLayers/],
      [{ hiddenSize: 0 }, /hiddenSize/],
      [{ inputSize: 0 }, /inputSize/],
      [{ cell: 'transformer' }, /cell|transformer/],
      [{ cell: 'rnn', nonlinearity: 'sigmoid' }, /nonlinearity|sigmoid/],
      [{ convention: 'keras' }, /convention|keras/],
    ];
    for (const [patch, pattern] of cases) {
      const bad = { ...base, ...patch } as unknown as ModelSpec;
      expectError(() => createModel(bad), pattern);
      expectError(() => initParams(bad, { seed: 0 }), pattern);
    }
  });

  it('jacobianNorms refuses a layer the model does not have', () => {
    expect(() => jacobianNorms(model, trace, 2)).toThrow(/layer/i);
    expect(() => jacobianNorms(model, trace, -1)).toThrow(/layer/i);
  });
});
