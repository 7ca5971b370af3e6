/**
 * Properties of forward for any sizes, seed, scheme and input: gate ranges, bounded
 * states, determinism, no mutation, T = 0, and the defaults for missing initial states.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createModel, forward, toStateDict } from '../../src/engine';
import type { ModelSpec, Trace } from '../../src/engine';
import {
  CONFIGS,
  SCHEMES,
  TANH_CONFIGS,
  type CellConfig,
  cloneStateDict,
  gateRows,
  layerOf,
  paramsOf,
  rows,
  seedArb,
  sigmoidGates,
  specOf,
  traceView,
} from './support';

const RUNS = { numRuns: 60 };
const matrix = (r: number, c: number, bound: number) =>
  fc.array(
    fc.array(fc.double({ min: -bound, max: bound, noNaN: true }), { minLength: c, maxLength: c }),
    {
      minLength: r,
      maxLength: r,
    },
  );

/** A spec, parameters from any scheme and scale, inputs, and initial states with |h0| ≤ 1. */
const caseOf = (configs: readonly CellConfig[], maxT = 6) =>
  specOf(configs).chain((spec) =>
    fc.record({
      spec: fc.constant(spec),
      seed: seedArb,
      scheme: fc.constantFrom(...SCHEMES),
      weightScale: fc.double({ min: 0.1, max: 4, noNaN: true }),
      xs: fc.integer({ min: 0, max: maxT }).chain((T) => matrix(T, spec.inputSize, 5)),
      h0: matrix(spec.numLayers, spec.hiddenSize, 1),
      c0: matrix(spec.numLayers, spec.hiddenSize, 3),
    }),
  );

const init = (spec: ModelSpec, h0: number[][], c0: number[][]) =>
  spec.cell === 'lstm' ? { h0, c0 } : { h0 };

/** Every quantity of a trace as plain arrays, for deep comparison. */
function plain(trace: Trace) {
  const tv = traceView(trace);
  return {
    outputs: rows(tv.outputs),
    hT: rows(tv.hT),
    cT: tv.cT ? rows(tv.cT) : null,
    layers: Array.from(tv.layers, (_, l) => {
      const layer = layerOf(trace, l);
      const pick = (rec: Record<string, ArrayLike<ArrayLike<number>> | undefined>) =>
        Object.fromEntries(
          Object.keys(rec)
            .sort()
            .map((k) => [k, rows(rec[k])]),
        );
      return { gates: pick(layer.gates), pre: pick(layer.pre) };
    }),
  };
}

describe('forward: ranges', () => {
  it('sigmoid gates (lstm i f o, gru r z) stay in [0, 1]', () => {
    const gated = CONFIGS.filter((c) => c.cell !== 'rnn');
    fc.assert(
      fc.property(caseOf(gated), (c) => {
        const trace = forward(createModel(c.spec, paramsOf(c)), c.xs, init(c.spec, c.h0, c.c0));
        for (let l = 0; l < c.spec.numLayers; l++) {
          for (const g of sigmoidGates(c.spec.cell)) {
            for (const v of gateRows(trace, l, g).flat()) {
              expect(v).toBeGreaterThanOrEqual(0);
              expect(v).toBeLessThanOrEqual(1);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('|h| ≤ 1 in every layer for tanh cells (rnn tanh, lstm, gru) when |h0| ≤ 1', () => {
    fc.assert(
      fc.property(caseOf(TANH_CONFIGS), (c) => {
        const trace = forward(createModel(c.spec, paramsOf(c)), c.xs, init(c.spec, c.h0, c.c0));
        const all = [...rows(traceView(trace).outputs).flat(), ...rows(traceView(trace).hT).flat()];
        for (let l = 0; l < c.spec.numLayers; l++) all.push(...gateRows(trace, l, 'h').flat());
        for (const v of all) expect(Math.abs(v)).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });
});

describe('forward: determinism, no mutation, defaults', () => {
  it('is deterministic and leaves the model and its state dict untouched', () => {
    fc.assert(
      fc.property(caseOf(CONFIGS), (c) => {
        const sd = paramsOf(c);
        const copy = cloneStateDict(sd);
        const model = createModel(c.spec, sd);
        const before = toStateDict(model);
        const xsCopy = c.xs.map((r) => [...r]);
        const a = plain(forward(model, c.xs, init(c.spec, c.h0, c.c0)));
        const b = plain(forward(model, c.xs, init(c.spec, c.h0, c.c0)));
        expect(b).toEqual(a);
        expect(toStateDict(model)).toEqual(before);
        expect(sd).toEqual(copy);
        expect(c.xs).toEqual(xsCopy);
      }),
      RUNS,
    );
  });

  it('T = 0 gives no outputs and hT = h0 (cT = c0 for lstm)', () => {
    fc.assert(
      fc.property(caseOf(CONFIGS, 0), (c) => {
        const trace = forward(createModel(c.spec, paramsOf(c)), [], init(c.spec, c.h0, c.c0));
        const tv = traceView(trace);
        expect(tv.outputs.length).toBe(0);
        expect(rows(tv.hT)).toEqual(c.h0);
        if (c.spec.cell === 'lstm') expect(rows(tv.cT)).toEqual(c.c0);
      }),
      RUNS,
    );
  });

  it('missing h0 / c0 equal explicit zeros', () => {
    fc.assert(
      fc.property(caseOf(CONFIGS), (c) => {
        const model = createModel(c.spec, paramsOf(c));
        const zeros = c.h0.map((r) => r.map(() => 0));
        const explicit = plain(forward(model, c.xs, init(c.spec, zeros, zeros)));
        expect(plain(forward(model, c.xs))).toEqual(explicit);
        expect(plain(forward(model, c.xs, {}))).toEqual(explicit);
        if (c.spec.cell === 'lstm') {
          expect(plain(forward(model, c.xs, { h0: zeros }))).toEqual(explicit);
          expect(plain(forward(model, c.xs, { c0: zeros }))).toEqual(explicit);
        }
      }),
      RUNS,
    );
  });
});
