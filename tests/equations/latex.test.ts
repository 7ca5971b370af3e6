import katex from 'katex';
import { describe, expect, it } from 'vitest';
import {
  buildEquations,
  formatNumber,
  fullText,
  symbolicEquations,
  type MarkRole,
  type Notation,
} from '../../src/equations';
import { setup, VARIANTS } from './support';

const NOTATIONS: readonly Notation[] = ['pytorch', 'concat'];

/** Throws on anything KaTeX cannot typeset, with the app's options. */
function parses(latex: string): string {
  return katex.renderToString(latex, { throwOnError: true, trust: false });
}

const colour: MarkRole = (role, tex) =>
  `\\textcolor{${role === 'input' ? '#0063a6' : role === 'recurrent' ? '#a3480a' : '#5b6472'}}{${tex}}`;

describe('KaTeX parses every string the builder produces', () => {
  it.each(VARIANTS)('$name', (variant) => {
    const s = setup(variant, 2);
    for (const notation of NOTATIONS) {
      for (const mark of [undefined, colour]) {
        for (const sym of symbolicEquations(s.model.spec, notation, mark)) parses(sym.latex);
      }
      for (const layer of [0, 1]) {
        for (const t of [1, 3, 6]) {
          for (const eq of buildEquations({ ...s, layer, t, unit: 4, notation }, colour)) {
            parses(eq.symbolic);
            parses(eq.numeric);
            // The view typesets each piece on its own: each must parse alone too.
            for (const piece of eq.pieces) parses(piece.tex);
          }
        }
      }
    }
  });

  it('numbers print with a true minus sign', () => {
    expect(parses(formatNumber(-0.123).tex)).toContain('−');
    expect(fullText(-0.1234567)).toBe('−0.1234567');
  });
});

describe('number formatting', () => {
  it.each([
    [0.41234, '0.412', 0.412],
    [-0.12345, '-0.123', -0.123],
    [0.0300001, '0.0300', 0.03],
    [1, '1.00', 1],
    [0, '0', 0],
    [123.456, '123', 123],
    [0.000123456, '1.23 \\times 10^{-4}', 0.000123],
    [-12345.6, '-1.23 \\times 10^{4}', -12300],
    [0.0009996, '0.00100', 0.001],
  ])('%d prints as %s', (value, tex, shown) => {
    expect(formatNumber(value)).toEqual({ tex, shown });
  });

  it('prints non-finite values without throwing', () => {
    for (const v of [NaN, Infinity, -Infinity]) parses(formatNumber(v).tex);
  });
});

describe('symbolic forms', () => {
  const gru = (convention: 'pytorch' | 'classic', notation: Notation) =>
    Object.fromEntries(
      symbolicEquations({ cell: 'gru', convention, nonlinearity: 'tanh' }, notation).map((e) => [
        e.name,
        e.latex,
      ]),
    );

  it.each(NOTATIONS)(
    'the GRU conventions differ where r sits and which side z weights (%s)',
    (notation) => {
      const pt = gru('pytorch', notation);
      const cl = gru('classic', notation);
      // Where r acts: after W_hn (on W_hn h + b_hn) vs before it (on h_{t−1}).
      expect(pt.n).toContain('r_t \\odot (W_{hn}\\, h_{t-1} + b_{hn})');
      expect(cl.n).toContain('r_t \\odot h_{t-1}');
      expect(cl.n).not.toContain('r_t \\odot (W_{hn}');
      expect(cl.n).toMatch(/^\\tilde\{h\}_t = /);
      // Which side z weights: the old state (pytorch) vs the candidate (classic).
      expect(pt.h).toBe('h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}');
      expect(cl.h).toBe('h_t = (1 - z_t) \\odot h_{t-1} + z_t \\odot \\tilde{h}_t');
      expect(pt.r).toBe(cl.r);
      expect(pt.z).toBe(cl.z);
    },
  );

  it('the notations write the same gate two ways', () => {
    const lstm = { cell: 'lstm', convention: 'pytorch', nonlinearity: 'tanh' } as const;
    const [iPt] = symbolicEquations(lstm, 'pytorch');
    const [iCc] = symbolicEquations(lstm, 'concat');
    expect(iPt!.latex).toBe('i_t = \\sigma(W_{ii}\\, x_t + b_{ii} + W_{hi}\\, h_{t-1} + b_{hi})');
    expect(iCc!.latex).toBe('i_t = \\sigma(W_{i} \\cdot [\\,h_{t-1},\\ x_t\\,] + b_{i})');
    const classic = symbolicEquations(
      { cell: 'gru', convention: 'classic', nonlinearity: 'tanh' },
      'concat',
    );
    expect(classic[2]!.latex).toContain('[\\,r_t \\odot h_{t-1},\\ x_t\\,]');
  });

  it('the PyTorch GRU candidate explains why it keeps two matrices in the concat notation', () => {
    const [, , n] = symbolicEquations(
      { cell: 'gru', convention: 'pytorch', nonlinearity: 'tanh' },
      'concat',
    );
    expect(n!.note).toMatch(/no single-matrix form/);
  });

  it('the RNN writes tanh or relu', () => {
    const tanh = symbolicEquations(
      { cell: 'rnn', convention: 'pytorch', nonlinearity: 'tanh' },
      'pytorch',
    );
    const relu = symbolicEquations(
      { cell: 'rnn', convention: 'pytorch', nonlinearity: 'relu' },
      'pytorch',
    );
    expect(tanh[1]!.latex).toBe('h_t = \\tanh(a_t)');
    expect(relu[1]!.latex).toContain('\\max(0, a_t)');
    expect(tanh[0]!.latex).toBe('a_t = W_{ih}\\, x_t + b_{ih} + W_{hh}\\, h_{t-1} + b_{hh}');
  });

  it('a mark wraps exactly the input, recurrent and bias parts', () => {
    const seen: string[] = [];
    const mark: MarkRole = (role, tex) => {
      seen.push(`${role}:${tex}`);
      return tex;
    };
    symbolicEquations(
      { cell: 'rnn', convention: 'pytorch', nonlinearity: 'tanh' },
      'pytorch',
      mark,
    );
    expect(seen).toEqual([
      'input:W_{ih}\\, x_t',
      'bias:b_{ih}',
      'recurrent:W_{hh}\\, h_{t-1}',
      'bias:b_{hh}',
    ]);
  });
});
