import { describe, expect, it } from 'vitest';
import {
  backward,
  createModel,
  forward,
  initParams,
  jacobianNorms,
  traceFromPayload,
  tracePayload,
  transferables,
  type Trace,
} from '../../src/engine';
import { CONFIGS, makeSpec, randMatrix, rng, rows } from './support';

/** Every public number of a trace, as plain arrays, for exact comparison. */
function numbersOf(trace: Trace): unknown {
  return {
    T: trace.T,
    outputs: rows(trace.outputs),
    hT: rows(trace.hT),
    cT: trace.cT ? rows(trace.cT) : null,
    layers: trace.layers.map((layer) => ({
      gates: Object.fromEntries(Object.entries(layer.gates).map(([k, v]) => [k, rows(v)])),
      pre: Object.fromEntries(Object.entries(layer.pre).map(([k, v]) => [k, rows(v)])),
    })),
  };
}

describe('a trace sent to another thread and back (tracePayload → structuredClone → traceFromPayload)', () => {
  for (const cfg of CONFIGS) {
    it(`${cfg.name}, 2 layers: the same numbers, and backward and jacobianNorms read it as their own`, () => {
      const spec = makeSpec(cfg, 3, 5, 2);
      const model = createModel(spec, initParams(spec, { seed: 4 }));
      const xs = randMatrix(rng(9), 7, 3);
      const h0 = randMatrix(rng(2), 2, 5, 0.5);
      const trace = forward(model, xs, { h0, c0: cfg.cell === 'lstm' ? h0 : undefined });
      const payload = tracePayload(trace);
      // A worker's postMessage: buffers moved, views into one buffer kept together.
      const moved = structuredClone(payload, { transfer: transferables(payload) });
      expect(payload.tapes[0]!.h.length).toBe(0); // transferred: the sender's copy is gone
      const back = traceFromPayload(model, moved);
      const fresh = forward(model, xs, { h0, c0: cfg.cell === 'lstm' ? h0 : undefined });
      expect(numbersOf(back)).toEqual(numbersOf(fresh));
      const seed = xs.map((_, t) => new Array<number>(5).fill(t === 6 ? 1 : 0.1));
      expect(backward(model, back, seed)).toEqual(backward(model, fresh, seed));
      for (const layer of [0, 1]) {
        expect(jacobianNorms(model, back, layer)).toEqual(jacobianNorms(model, fresh, layer));
      }
    });
  }

  it('refuses a payload whose buffers do not fit the model, naming what is wrong', () => {
    const spec = makeSpec(CONFIGS[2]!, 2, 4, 1);
    const model = createModel(spec, initParams(spec, { seed: 1 }));
    const payload = tracePayload(forward(model, randMatrix(rng(1), 5, 2)));
    const other = createModel(makeSpec(CONFIGS[2]!, 2, 3, 1));
    expect(() => traceFromPayload(other, payload)).toThrow(
      /h0 must be a Float64Array of 3 numbers/,
    );
    const twoLayers = createModel(makeSpec(CONFIGS[2]!, 2, 4, 2));
    expect(() => traceFromPayload(twoLayers, payload)).toThrow(/expected 2 tapes, got 1/);
    expect(() => traceFromPayload(model, { ...payload, xs: new Float64Array(3) })).toThrow(
      /xs must be a Float64Array of 10 numbers/,
    );
  });
});
