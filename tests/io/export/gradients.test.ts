import { describe, expect, it } from 'vitest';
import { jacobianNorms } from '../../../src/engine';
import { gradientCsv } from '../../../src/io/export';
import { parseCsv, runOn } from './support';

describe('gradientCsv', () => {
  const lstm = runOn('hello world', { cell: 'lstm', hiddenSize: 8, numLayers: 2 });
  const rnn = runOn('hello world', { cell: 'rnn', hiddenSize: 4, numLayers: 1 });
  const T = lstm.trace.T;
  const lstmNorms = jacobianNorms(lstm.model, lstm.trace, 1);
  const rnnNorms = jacobianNorms(rnn.model, rnn.trace, 0);
  const f = lstm.trace.layers[1]!.gates.f!;
  const product = [1];
  for (let k = 1; k <= T; k++) product.push(product[k - 1]! * f[T - k]![3]!);

  const rows = parseCsv(
    gradientCsv([
      { id: 'A', cell: 'lstm', layer: 1, unit: 3, norms: lstmNorms, forgetProduct: product },
      { id: 'B', cell: 'rnn', layer: 0, unit: 0, norms: rnnNorms, forgetProduct: null },
    ]),
  );

  it('has distance and step columns, the norms per pane and the LSTM forget-gate product', () => {
    // Layers and units counted from 1, as the page shows them: layer index 1 is "layer 2".
    expect(rows[0]).toEqual([
      'distance',
      'step_t',
      'A_lstm_layer2_norm_dhT_dht',
      'A_lstm_layer2_unit4_forget_product',
      'B_rnn_layer1_norm_dhT_dht',
    ]);
    expect(rows).toHaveLength(T + 2);
  });

  it('holds exactly jacobianNorms at distance d = T − t, and Π f by distance', () => {
    for (let d = 0; d <= T; d++) {
      const [distance, step, ...values] = rows[d + 1]!;
      expect(Number(distance)).toBe(d);
      // ‖∂h_T/∂h_t‖ with h_t the state after step t, counted from 1 (h_0: the initial state).
      expect(Number(step)).toBe(T - d);
      expect(Number(values[1])).toBe(product[d]);
      if (d === 0) {
        expect([values[0], values[2]]).toEqual(['', '']);
      } else {
        expect(Number(values[0])).toBe(lstmNorms[T - d]);
        expect(Number(values[2])).toBe(rnnNorms[T - d]);
      }
    }
  });
});
