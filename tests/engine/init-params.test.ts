/**
 * initParams and the state dict: names and shapes per NOTES.md, determinism in the seed,
 * the round trip through createModel / toStateDict, and what each scheme promises
 * (ranges, orthogonality, zero biases, the LSTM forget bias).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createModel, initModel, initParams, stateDictViews, toStateDict } from '../../src/engine';
import type { StateDict } from '../../src/engine';
import {
  CONFIGS,
  SCHEMES,
  type InitCase,
  gateCount,
  paramNames,
  paramsOf,
  seedArb,
  specOf,
} from './support';

const RUNS = { numRuns: 60 };

describe('initParams and the state dict', () => {
  const initArb = fc.record({
    spec: specOf(CONFIGS),
    seed: seedArb,
    scheme: fc.constantFrom(...SCHEMES),
    weightScale: fc.double({ min: 0.05, max: 5, noNaN: true }),
  });

  it('gives every parameter NOTES.md names, with its shape, and nothing else', () => {
    fc.assert(
      fc.property(initArb, (c) => {
        const sd = paramsOf(c);
        const { inputSize: I, hiddenSize: H, numLayers: L } = c.spec;
        const GH = gateCount(c.spec.cell) * H;
        expect(Object.keys(sd).sort()).toEqual(paramNames(L).sort());
        for (let k = 0; k < L; k++) {
          const inSize = k === 0 ? I : H;
          const shape = (v: unknown) =>
            (v as unknown[]).map((r) => (Array.isArray(r) ? r.length : -1));
          expect(shape(sd[`weight_ih_l${k}`])).toEqual(new Array(GH).fill(inSize));
          expect(shape(sd[`weight_hh_l${k}`])).toEqual(new Array(GH).fill(H));
          for (const b of [`bias_ih_l${k}`, `bias_hh_l${k}`]) {
            expect(Array.isArray(sd[b])).toBe(true);
            expect((sd[b] as unknown[]).length).toBe(GH);
            for (const x of sd[b] as unknown[]) expect(typeof x).toBe('number');
          }
        }
      }),
      RUNS,
    );
  });

  it('is deterministic in the seed, and different seeds give different parameters', () => {
    fc.assert(
      fc.property(initArb, seedArb, (c, other) => {
        fc.pre(other !== c.seed);
        expect(paramsOf(c)).toEqual(paramsOf(c));
        expect(paramsOf({ ...c, seed: other })).not.toEqual(paramsOf(c));
      }),
      RUNS,
    );
  });

  it('toStateDict(createModel(spec, sd)) deep-equals sd', () => {
    fc.assert(
      fc.property(initArb, (c) => {
        const sd = paramsOf(c);
        expect(toStateDict(createModel(c.spec, sd))).toEqual(sd);
      }),
      RUNS,
    );
  });

  it('stateDictViews shares the model’s buffers, and survives a worker’s structured clone', () => {
    fc.assert(
      fc.property(initArb, (c) => {
        const sd = paramsOf(c);
        const model = createModel(c.spec, sd);
        const views = stateDictViews(model);
        const W = views.weight_hh_l0 as readonly Float64Array[];
        expect(W[0]!.buffer, 'no copy').toBe(model.layers[0]!.W_hh.buffer);
        // What the worker gets: one copy per buffer, read back into the same parameters.
        expect(toStateDict(createModel(c.spec, structuredClone(views)))).toEqual(sd);
      }),
      RUNS,
    );
  });

  it('initModel(spec, opts) is createModel(spec, initParams(spec, opts)), to the last bit', () => {
    const shapes = fc.constantFrom(
      {},
      { bidirectional: true },
      { numLayers: 2, bidirectional: true },
      { projSize: -1 }, // hiddenSize − 1, on an lstm
    );
    fc.assert(
      fc.property(
        initArb,
        shapes,
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (c, extra, forgetBias, updateBias) => {
          const { projSize, ...rest } = extra as { projSize?: number };
          const withProj =
            projSize && c.spec.cell === 'lstm' && c.spec.hiddenSize > 1
              ? { projSize: c.spec.hiddenSize - 1 }
              : {};
          const spec = { ...c.spec, ...rest, ...withProj };
          const opts = {
            seed: c.seed,
            scheme: c.scheme,
            weightScale: c.weightScale,
            forgetBias,
            updateBias,
          };
          const built = initModel(spec, opts);
          const expected = createModel(spec, initParams(spec, opts));
          expect(built.spec).toEqual(expected.spec);
          expect(built.layers.length).toBe(expected.layers.length);
          built.layers.forEach((layer, k) => {
            const want = expected.layers[k]!;
            for (const key of ['W_ih', 'W_hh', 'b_ih', 'b_hh'] as const) {
              expect([...layer[key]]).toEqual([...want[key]]);
            }
            expect(layer.W_hr === null).toBe(want.W_hr === null);
            if (layer.W_hr && want.W_hr) expect([...layer.W_hr]).toEqual([...want.W_hr]);
            expect([layer.inSize, layer.H, layer.hSize]).toEqual([want.inSize, want.H, want.hSize]);
          });
        },
      ),
      RUNS,
    );
  });

  it('createModel(spec) without parameters uses initParams(spec, { seed: 0 })', () => {
    fc.assert(
      fc.property(specOf(CONFIGS), (spec) => {
        expect(toStateDict(createModel(spec))).toEqual(initParams(spec, { seed: 0 }));
      }),
      { numRuns: 20 },
    );
  });
});

describe('initialisation schemes', () => {
  const schemeArb = (scheme: (typeof SCHEMES)[number]) =>
    fc.record({
      spec: specOf(CONFIGS),
      seed: seedArb,
      scheme: fc.constant(scheme),
      weightScale: fc.double({ min: 0.05, max: 5, noNaN: true }),
    });

  /** Gate block g (rows g·H .. (g+1)·H − 1) of a [G·H][n] weight. */
  const block = (W: number[][], g: number, H: number) => W.slice(g * H, (g + 1) * H);
  const within = (m: number[][], bound: number) => {
    for (const v of m.flat()) expect(Math.abs(v)).toBeLessThanOrEqual(bound);
  };
  const zeroBiases = (sd: StateDict, L: number) => {
    for (let k = 0; k < L; k++) {
      expect((sd[`bias_ih_l${k}`] as number[]).every((b) => b === 0)).toBe(true);
      expect((sd[`bias_hh_l${k}`] as number[]).every((b) => b === 0)).toBe(true);
    }
  };
  /** weight_ih as xavier: each gate block within ±s·√(6/(fan_in + fan_out)). */
  const xavierIh = (c: InitCase, sd: StateDict) => {
    const { inputSize: I, hiddenSize: H, numLayers: L } = c.spec;
    for (let k = 0; k < L; k++) {
      const fanIn = k === 0 ? I : H;
      const W = sd[`weight_ih_l${k}`] as number[][];
      for (let g = 0; g < gateCount(c.spec.cell); g++) {
        within(block(W, g, H), c.weightScale * Math.sqrt(6 / (fanIn + H)) * (1 + 1e-12));
      }
    }
  };

  it('pytorch: every parameter lies in [−s/√H, s/√H]', () => {
    fc.assert(
      fc.property(schemeArb('pytorch'), (c) => {
        const bound = (c.weightScale / Math.sqrt(c.spec.hiddenSize)) * (1 + 1e-12);
        for (const v of Object.values(paramsOf(c))) {
          for (const x of (v as (number | number[])[]).flat()) {
            expect(Math.abs(x)).toBeLessThanOrEqual(bound);
          }
        }
      }),
      RUNS,
    );
  });

  it('xavier: each gate block within ±s·√(6/(fan_in + fan_out)), biases 0', () => {
    fc.assert(
      fc.property(schemeArb('xavier'), (c) => {
        const sd = paramsOf(c);
        const H = c.spec.hiddenSize;
        xavierIh(c, sd);
        for (let k = 0; k < c.spec.numLayers; k++) {
          const W = sd[`weight_hh_l${k}`] as number[][];
          for (let g = 0; g < gateCount(c.spec.cell); g++) {
            within(block(W, g, H), c.weightScale * Math.sqrt(6 / (2 * H)) * (1 + 1e-12));
          }
        }
        zeroBiases(sd, c.spec.numLayers);
      }),
      RUNS,
    );
  });

  it('orthogonal: every H×H gate block Q of weight_hh has QᵀQ = s²·I; weight_ih xavier; biases 0', () => {
    fc.assert(
      fc.property(schemeArb('orthogonal'), (c) => {
        const sd = paramsOf(c);
        const H = c.spec.hiddenSize;
        const s2 = c.weightScale ** 2;
        for (let k = 0; k < c.spec.numLayers; k++) {
          const W = sd[`weight_hh_l${k}`] as number[][];
          for (let g = 0; g < gateCount(c.spec.cell); g++) {
            const Q = block(W, g, H);
            for (let i = 0; i < H; i++) {
              for (let j = 0; j < H; j++) {
                const qtq = Q.reduce((acc, r) => acc + (r[i] ?? NaN) * (r[j] ?? NaN), 0);
                expect(Math.abs(qtq - (i === j ? s2 : 0))).toBeLessThanOrEqual(
                  1e-10 * Math.max(1, s2),
                );
              }
            }
          }
        }
        xavierIh(c, sd);
        zeroBiases(sd, c.spec.numLayers);
      }),
      RUNS,
    );
  });

  it('forgetBias adds to the f block (rows H..2H) of bias_ih in every lstm layer, nothing else', () => {
    const lstmArb = fc.record({
      spec: specOf(CONFIGS.filter((cfg) => cfg.cell === 'lstm')),
      seed: seedArb,
      scheme: fc.constantFrom(...SCHEMES),
      weightScale: fc.double({ min: 0.05, max: 5, noNaN: true }),
      forgetBias: fc.double({ min: -10, max: 10, noNaN: true }).filter((b) => b !== 0),
    });
    fc.assert(
      fc.property(lstmArb, (c) => {
        const base = paramsOf(c);
        const sd = initParams(c.spec, {
          seed: c.seed,
          scheme: c.scheme,
          weightScale: c.weightScale,
          forgetBias: c.forgetBias,
        });
        const H = c.spec.hiddenSize;
        for (const name of paramNames(c.spec.numLayers)) {
          if (!name.startsWith('bias_ih')) {
            expect(sd[name], name).toEqual(base[name]);
            continue;
          }
          const b = sd[name] as number[];
          const b0 = base[name] as number[];
          b.forEach((x, r) => {
            const added = r >= H && r < 2 * H ? c.forgetBias : 0;
            const b0r = b0[r] ?? NaN;
            expect(Math.abs(x - (b0r + added))).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(added)));
          });
        }
      }),
      RUNS,
    );
  });

  it('updateBias adds to the z block (rows H..2H) of bias_ih in every gru layer, nothing else; an lstm ignores it', () => {
    const gruArb = fc.record({
      spec: specOf(CONFIGS.filter((cfg) => cfg.cell === 'gru')),
      seed: seedArb,
      scheme: fc.constantFrom(...SCHEMES),
      weightScale: fc.double({ min: 0.05, max: 5, noNaN: true }),
      updateBias: fc.double({ min: -10, max: 10, noNaN: true }).filter((b) => b !== 0),
    });
    fc.assert(
      fc.property(gruArb, (c) => {
        const base = paramsOf(c);
        const sd = initParams(c.spec, { ...c, forgetBias: 5 });
        const H = c.spec.hiddenSize;
        for (const name of paramNames(c.spec.numLayers)) {
          if (!name.startsWith('bias_ih')) {
            expect(sd[name], name).toEqual(base[name]);
            continue;
          }
          (sd[name] as number[]).forEach((x, r) => {
            const added = r >= H && r < 2 * H ? c.updateBias : 0;
            const b0r = (base[name] as number[])[r] ?? NaN;
            expect(Math.abs(x - (b0r + added))).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(added)));
          });
        }
      }),
      RUNS,
    );
    const lstm = { cell: 'lstm', inputSize: 2, hiddenSize: 3, numLayers: 1 } as const;
    expect(initParams(lstm, { seed: 4, updateBias: 3 })).toEqual(initParams(lstm, { seed: 4 }));
  });
});
