/**
 * Bidirectional and projected layers against PyTorch 1.13 itself: small float64 nn.LSTM,
 * nn.GRU and nn.RNN modules (2 layers, bidirectional; LSTM with proj_size, bidirectional
 * and not) run by tests/fixtures/models/make_engine_refs.py on a fixed input with nonzero
 * h0 and c0. The engine, given the same state_dict, must reproduce outputs, h_n, c_n and
 * the gradients of L = Σ outputs·dOutputs + Σ h_n·dhT + Σ c_n·dcT with respect to every
 * parameter, the input, h0 and c0, to 1e-9 relative.
 */
import { describe, expect, it } from 'vitest';
import {
  backward,
  createModel,
  forward,
  initParams,
  parameterCount,
  parameterShapes,
  toStateDict,
} from '../../src/engine';
import { flat, loadRef, offBy, type EngineRef } from './directionSupport';
import { rows } from './support';

/** One case as the script writes it: also final seeds on h_n and c_n. */
interface Ref extends EngineRef {
  made: string;
  dhT: number[][];
  dcT?: number[][];
}

const CASES = ['lstm_bi2', 'gru_bi2', 'rnn_bi2', 'rnn_relu_bi2', 'lstm_proj_bi2', 'lstm_proj2'];

describe('bidirectional and projected layers reproduce PyTorch 1.13 (float64, 1e-9)', () => {
  for (const name of CASES) {
    const ref = loadRef<Ref>(name);
    it(`${name}: parameter names, order and count are PyTorch's state_dict`, () => {
      const names = Object.keys(ref.stateDict);
      expect(parameterShapes(ref.spec).map((s) => s.name)).toEqual(names);
      expect(Object.keys(initParams(ref.spec, { seed: 1 }))).toEqual(names);
      expect(parameterCount(ref.spec)).toBe(flat(Object.values(ref.stateDict)).length);
      // A state_dict goes in and comes out as it was.
      expect(toStateDict(createModel(ref.spec, ref.stateDict))).toEqual(ref.stateDict);
    });

    it(`${name}: outputs, h_n${ref.cT ? ', c_n' : ''}`, () => {
      const model = createModel(ref.spec, ref.stateDict);
      const trace = forward(model, ref.xs, { h0: ref.h0, c0: ref.c0 });
      expect(trace.directions).toBe(ref.spec.bidirectional ? 2 : 1);
      const bad = [
        ...offBy('outputs', rows(trace.outputs), ref.outputs),
        ...offBy('hT', rows(trace.hT), ref.hT),
        ...(ref.cT ? offBy('cT', rows(trace.cT), ref.cT) : []),
      ];
      expect(bad).toEqual([]);
    });

    it(`${name}: gradients for every parameter, xs, h0${ref.c0 ? ', c0' : ''}`, () => {
      const model = createModel(ref.spec, ref.stateDict);
      const trace = forward(model, ref.xs, { h0: ref.h0, c0: ref.c0 });
      const grads = backward(model, trace, ref.dOutputs, { dhT: ref.dhT, dcT: ref.dcT });
      expect(Object.keys(grads.params)).toEqual(Object.keys(ref.grads.params));
      const bad = [
        ...offBy('xs', rows(grads.xs), ref.grads.xs),
        ...offBy('h0', rows(grads.h0), ref.grads.h0),
        ...(ref.grads.c0 ? offBy('c0', rows(grads.c0), ref.grads.c0) : []),
        ...Object.entries(ref.grads.params).flatMap(([k, v]) => offBy(k, grads.params[k], v)),
      ];
      expect(bad).toEqual([]);
    });
  }
});
