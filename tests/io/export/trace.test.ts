import { describe, expect, it } from 'vitest';
import type { CellType } from '../../../src/engine';
import { csvTokens, traceCsv, TRACE_CSV_QUANTITIES } from '../../../src/io/export';
import { sequenceOf } from '../../../src/store';
import { DEFAULT_INPUT, type InputSettings } from '../../../src/scene';
import { parseCsv, runOn } from './support';

const CASES: [CellType, number, number][] = [
  ['lstm', 8, 1],
  ['lstm', 3, 2],
  ['gru', 4, 3],
  ['rnn', 5, 2],
];

describe('traceCsv', () => {
  it.each(CASES)(
    '%s, H = %i, L = %i: header, T·L·H rows, values exactly the trace',
    (cell, H, L) => {
      const text = 'hello, "world"\nbye';
      const { trace } = runOn(text, { cell, hiddenSize: H, numLayers: L });
      const tokens = Array.from(text);
      const rows = parseCsv(traceCsv(trace, cell, tokens));
      const names = TRACE_CSV_QUANTITIES[cell];
      expect(rows[0]).toEqual(['step', 'token', 'layer', 'unit', ...names]);
      const body = rows.slice(1);
      expect(body).toHaveLength(trace.T * L * H);
      let k = 0;
      for (let t = 0; t < trace.T; t++) {
        for (let l = 0; l < L; l++) {
          for (let j = 0; j < H; j++) {
            const row = body[k++]!;
            // Steps, layers and units all counted from 1, as the page counts them.
            expect(row.slice(0, 4)).toEqual([
              String(t + 1),
              tokens[t],
              String(l + 1),
              String(j + 1),
            ]);
            names.forEach((name, q) => {
              expect(Number(row[4 + q])).toBe(trace.layers[l]!.gates[name]![t]![j]);
            });
          }
        }
      }
    },
  );

  it('names the LSTM columns i f g o c h, GRU r z n h, RNN pre h', () => {
    expect(TRACE_CSV_QUANTITIES).toEqual({
      lstm: ['i', 'f', 'g', 'o', 'c', 'h'],
      gru: ['r', 'z', 'n', 'h'],
      rnn: ['pre', 'h'],
    });
  });

  it('quotes tokens that are commas, quotes or line breaks so they read back whole', () => {
    const text = ',"\n ';
    const { trace } = runOn(text, { cell: 'rnn', hiddenSize: 1, numLayers: 1 });
    const csv = traceCsv(trace, 'rnn', Array.from(text));
    expect(csv).toContain('1,",",1,1,');
    expect(csv).toContain('2,"""",1,1,');
    expect(csv).toContain('3,"\n",1,1,');
    expect(
      parseCsv(csv)
        .slice(1)
        .map((row) => row[1]),
    ).toEqual([',', '"', '\n', ' ']);
  });
});

describe('csvTokens', () => {
  it('keeps a text input’s characters as they are (a space is a space, not ␣)', () => {
    expect(csvTokens(DEFAULT_INPUT, sequenceOf(DEFAULT_INPUT))).toEqual(Array.from('hello world'));
  });

  it('writes a numeric input’s values in full precision', () => {
    const sine: InputSettings = {
      kind: 'sine',
      text: '',
      length: 5,
      seed: 0,
      task: 'remember-first',
      numbers: '1',
    };
    const sequence = sequenceOf(sine);
    const tokens = csvTokens(sine, sequence);
    expect(tokens.map(Number)).toEqual(sequence.xs.map((row) => row[0]));
    expect(tokens[1]).toBe(String(Math.sin((2 * Math.PI) / 16)));
  });

  it('writes a row of pasted numbers whole, in full precision', () => {
    const pasted: InputSettings = {
      ...DEFAULT_INPUT,
      kind: 'numbers',
      numbers: 'a,b\n0.123456789,-2\n1e-9,3',
    };
    expect(csvTokens(pasted, sequenceOf(pasted))).toEqual(['0.123456789 -2', '1e-9 3']);
  });
});

describe('traceCsv of a changed run', () => {
  it('names the interventions in a last column of every row, the values being the changed run’s', () => {
    const text = 'hello';
    const { trace } = runOn(text, { cell: 'lstm', hiddenSize: 2, numLayers: 1 });
    const words = ['f of unit 1 forced to 0 at step 3', 'h of every unit forced to 0, 5 at step 4'];
    const rows = parseCsv(traceCsv(trace, 'lstm', Array.from(text), words));
    expect(rows[0]!.at(-1)).toBe('interventions');
    for (const row of rows.slice(1)) expect(row.at(-1)).toBe(words.join('; '));
    expect(rows).toHaveLength(1 + 5 * 2);
  });
});
