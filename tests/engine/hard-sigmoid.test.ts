/**
 * Hard-sigmoid gates (ModelSpec.recurrentActivation): Keras 2 / TF.js clip(0.2·a + 0.5, 0, 1)
 * and Keras 3 relu6(a + 3)/6. PyTorch has no such LSTM or GRU, so the references are the
 * cell equations written with torch ops and differentiated by autograd
 * (tests/fixtures/models/make_engine_refs.py; the same code with the logistic sigmoid is
 * checked against nn.LSTM / nn.GRU there), and hand-computed gate values for one step.
 * Finite differences of backward are in directions-gradients.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  backward,
  createModel,
  forward,
  type ModelSpec,
  type RecurrentActivation,
} from '../../src/engine';
import { loadRef, offBy, type EngineRef } from './directionSupport';
import { rows } from './support';

/** One case: also the sigmoid gates' values, [T][H] by name. */
interface HardCase extends EngineRef {
  gates: Record<string, number[][]>;
}

const { cases } = loadRef<{ cases: HardCase[] }>('hard_sigmoid');

describe('hard-sigmoid LSTM and GRU against the equations in torch ops (float64, 1e-9)', () => {
  it('covers lstm, gru pytorch and gru classic, each with both hard sigmoids', () => {
    expect(
      cases.map((c) => `${c.spec.cell} ${c.spec.convention ?? ''} ${c.spec.recurrentActivation}`),
    ).toHaveLength(6);
  });
  for (const ref of cases) {
    const { cell, convention, recurrentActivation } = ref.spec;
    const label = `${cell}${convention ? ` ${convention}` : ''}, ${recurrentActivation}`;
    it(`${label}: gates, outputs, h_T${ref.cT ? ', c_T' : ''} and every gradient`, () => {
      const model = createModel(ref.spec, ref.stateDict);
      const trace = forward(model, ref.xs, { h0: ref.h0, c0: ref.c0 });
      const grads = backward(model, trace, ref.dOutputs);
      const bad = [
        ...Object.entries(ref.gates).flatMap(([g, v]) =>
          offBy(`gate ${g}`, rows(trace.layers[0]!.gates[g]), v),
        ),
        ...offBy('outputs', rows(trace.outputs), ref.outputs),
        ...offBy('hT', rows(trace.hT), ref.hT),
        ...(ref.cT ? offBy('cT', rows(trace.cT), ref.cT) : []),
        ...offBy('dxs', rows(grads.xs), ref.grads.xs),
        ...offBy('dh0', rows(grads.h0), ref.grads.h0),
        ...(ref.grads.c0 ? offBy('dc0', rows(grads.c0), ref.grads.c0) : []),
        ...Object.entries(ref.grads.params).flatMap(([k, v]) => offBy(k, grads.params[k], v)),
      ];
      expect(bad).toEqual([]);
    });
  }
});

/**
 * A one-unit GRU whose update gate's pre-activation is exactly `a` at its single step
 * (x = 1, W_iz = a, biases 0, h0 = 0.5, and n = tanh(0.3) ≠ h0 so that z matters).
 */
function oneStepGru(a: number, recurrentActivation: RecurrentActivation) {
  const spec: ModelSpec = {
    cell: 'gru',
    inputSize: 1,
    hiddenSize: 1,
    numLayers: 1,
    recurrentActivation,
  };
  const model = createModel(spec, {
    weight_ih_l0: [[0], [a], [0.3]],
    weight_hh_l0: [[0], [0], [0]],
    bias_ih_l0: [0, 0, 0],
    bias_hh_l0: [0, 0, 0],
  });
  const trace = forward(model, [[1]], { h0: [[0.5]] });
  const grads = backward(model, trace, [[1]]);
  // dL/dW_iz = dL/d(pre z) · x, and x = 1.
  return {
    z: trace.layers[0]!.gates.z![0]![0],
    dPreZ: (grads.params.weight_ih_l0 as number[][])[1]![0],
  };
}

describe('one step by hand', () => {
  // a → the gate's value: 0.2a + 0.5 (Keras 2) or a/6 + 0.5 (Keras 3), clipped to [0, 1].
  const TABLE: [RecurrentActivation, [number, number][]][] = [
    [
      'hard_sigmoid_keras2',
      [
        [-4, 0],
        [-2.5, 0],
        [-1, 0.3],
        [0, 0.5],
        [1.25, 0.75],
        [2.5, 1],
        [7, 1],
      ],
    ],
    [
      'hard_sigmoid_keras3',
      [
        [-4, 0],
        [-3, 0],
        [-1.5, 0.25],
        [0, 0.5],
        [2, 5 / 6],
        [3, 1],
        [7, 1],
      ],
    ],
  ];
  for (const [activation, values] of TABLE) {
    it(`${activation}: the gate is the clipped line, and saturates at exactly 0 and 1`, () => {
      for (const [a, expected] of values) {
        expect(oneStepGru(a, activation).z).toBeCloseTo(expected, 15);
      }
    });
  }

  it('the derivative is the slope inside the linear zone and 0 where clipped, kinks included', () => {
    const n = Math.tanh(0.3);
    // h = (1 − z)·n + z·h0, so dL/dz = h0 − n; dL/d(pre z) = (h0 − n)·slope.
    expect(oneStepGru(1, 'hard_sigmoid_keras2').dPreZ).toBeCloseTo((0.5 - n) * 0.2, 15);
    expect(oneStepGru(1, 'hard_sigmoid_keras3').dPreZ).toBeCloseTo((0.5 - n) / 6, 15);
    expect(oneStepGru(2.4999, 'hard_sigmoid_keras2').dPreZ).toBeCloseTo((0.5 - n) * 0.2, 15);
    for (const a of [-2.5, 2.5, 4]) expect(oneStepGru(a, 'hard_sigmoid_keras2').dPreZ).toBe(0);
    for (const a of [-3, 3, -5]) expect(oneStepGru(a, 'hard_sigmoid_keras3').dPreZ).toBe(0);
  });
});
