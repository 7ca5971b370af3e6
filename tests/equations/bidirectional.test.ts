/**
 * The equations of a bidirectional, stacked model: every layer entry (forward and backward
 * directions of both layers) reads the right x (the layer below's two directions, forward
 * first) and the right state (h_{t+1} going backward, zeros at t = T), so each gate's parts
 * sum to the engine's pre-activation, and an LSTM's c_t = f·c_prev + i·g holds.
 */
import { describe, expect, it } from 'vitest';
import { buildEquations } from '../../src/equations';
import { createModel, forward, initParams, Random, type ModelSpec } from '../../src/engine';
import { expectClose, VARIANTS } from './support';

const T = 6;
const BLOCKS = { lstm: ['i', 'f', 'g', 'o'], gru: ['r', 'z', 'n'], rnn: ['pre'] } as const;

describe.each(VARIANTS)('bidirectional 2-layer $name', (variant) => {
  const spec: ModelSpec = {
    ...variant.spec,
    inputSize: 3,
    hiddenSize: 5,
    numLayers: 2,
    bidirectional: true,
  };
  const model = createModel(spec, initParams(spec, { seed: 5, weightScale: 1.5 }));
  const rng = new Random(77);
  const xs = Array.from({ length: T }, () => Array.from({ length: 3 }, () => rng.uniform(-1, 1)));
  const trace = forward(model, xs);
  const cases = [0, 1, 2, 3].flatMap((layer) =>
    [1, 3, T].flatMap((t) => [0, 4].map((j) => ({ layer, t, j }))),
  );

  it.each(cases)('entry $layer, step $t, unit $j: parts sum to the trace', ({ layer, t, j }) => {
    const equations = buildEquations({ model, trace, xs, layer, t, unit: j, notation: 'pytorch' });
    const lt = trace.layers[layer]!;
    for (const name of BLOCKS[spec.cell]) {
      const split = equations.find((e) => e.name === name)!.split!;
      const pre = lt.pre[name]![t - 1]![j]!;
      expect(split.pre).toBe(pre);
      const scale = Math.abs(split.input) + Math.abs(split.recurrent) + Math.abs(split.bias);
      expectClose(split.input + split.recurrent + split.bias, pre, Math.max(scale, Math.abs(pre)));
    }
    if (spec.cell === 'lstm') {
      // The state this step reads: c_{t−1} forward, c_{t+1} backward, 0 at the first step read.
      const backward = lt.direction === 1;
      const prev = backward ? (t < T ? t + 1 : 0) : t - 1;
      const c = (step: number) => lt.gates.c![step - 1]![j]!;
      const g = (name: string) => lt.gates[name]![t - 1]![j]!;
      const cPrev = prev > 0 ? c(prev) : 0;
      const line = equations.find((e) => e.name === 'c')!;
      // The printed c_prev operand is that state (the one term of quantity c besides c_t).
      const printed = line.terms.find((term) => term.quantity === 'c' && term.role === 'operand')!;
      expect(printed.value).toBe(cPrev);
      expect(printed.label).toContain(prev > 0 ? `c_${prev}[` : backward ? `c_${T + 1}[` : 'c_0[');
      expectClose(line.value, g('f') * printed.value + g('i') * g('g'), 1);
    }
  });
});
