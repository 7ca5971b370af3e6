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

  it('has a distance column, the norms per pane and the LSTM forget-gate product', () => {
    expect(rows[0]).toEqual([
      'distance',
      'A_lstm_layer1_norm_dhT_dht',
      'A_lstm_layer1_unit3_forget_product',
      'B_rnn_layer0_norm_dhT_dht',
    ]);
    expect(rows).toHaveLength(T + 2);
  });

  it('holds exactly jacobianNorms at distance d = T − t, and Π f by distance', () => {
    for (let d = 0; d <= T; d++) {
      const row = rows[d + 1]!;
      expect(Number(row[0])).toBe(d);
      expect(Number(row[2])).toBe(product[d]);
      if (d === 0) {
        expect([row[1], row[3]]).toEqual(['', '']);
      } else {
        expect(Number(row[1])).toBe(lstmNorms[T - d]);
        expect(Number(row[3])).toBe(rnnNorms[T - d]);
      }
    }
  });
});
