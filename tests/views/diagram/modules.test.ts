// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { contrastRatio, textColorOn, valueColor } from '../../../src/views/colors';
import { wireWidth, WIRE_WIDTH } from '../../../src/views/diagram/wires';
import { formatValue } from '../../../src/format/value';
import { diagramName, quantityLabels } from '../../../src/views/diagram/labels';
import { parseRich, plainText } from '../../../src/views/diagram/rich';

describe('colour scales', () => {
  it('keeps every value label at WCAG AA contrast on its own box colour', () => {
    for (let k = -40; k <= 40; k++) {
      const v = k / 20;
      for (const range of ['unit', 'signed'] as const) {
        const fill = valueColor(v, range);
        expect(contrastRatio(fill, textColorOn(fill))).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('is sequential for gates and diverging around 0 for signed values', () => {
    expect(valueColor(0, 'unit')).not.toBe(valueColor(1, 'unit'));
    expect(valueColor(2, 'unit')).toBe(valueColor(1, 'unit'));
    // Diverging: ±v sit on opposite hues, 0 is the light middle.
    expect(valueColor(-0.8, 'signed')).not.toBe(valueColor(0.8, 'signed'));
    expect(textColorOn(valueColor(0, 'signed'))).toBe('#000000');
    expect(valueColor(Number.NaN, 'signed')).toMatch(/^#/);
  });

  it('widens wires with magnitude, up to a cap', () => {
    expect(wireWidth(0)).toBe(WIRE_WIDTH.min);
    expect(wireWidth(-1)).toBe(WIRE_WIDTH.max);
    expect(wireWidth(5)).toBe(WIRE_WIDTH.max);
    expect(wireWidth(0.5)).toBeGreaterThan(wireWidth(0.25));
    expect(wireWidth(Number.NaN)).toBe(WIRE_WIDTH.min);
  });
});

describe('formatValue', () => {
  it('prints 3 significant digits', () => {
    expect(formatValue(0.58)).toBe('0.580');
    expect(formatValue(-0.123456)).toBe('-0.123');
    expect(formatValue(12.345)).toBe('12.3');
    expect(formatValue(0)).toBe('0.00');
    expect(formatValue(0.0000123)).toBe('1.23e-5');
    expect(formatValue(Number.NaN)).toBe('NaN');
  });
});

describe('labels', () => {
  it('names the diagram for assistive technology', () => {
    expect(diagramName('lstm', 3)).toBe('LSTM cell diagram, step 3');
    expect(diagramName('gru', 1)).toBe('GRU cell diagram, step 1');
  });

  it('maps the learn / forget / remember / use names onto the LSTM quantities', () => {
    const opts = { convention: 'pytorch', nonlinearity: 'tanh' } as const;
    const standard = quantityLabels('lstm', { ...opts, naming: 'standard' });
    const lfru = quantityLabels('lstm', { ...opts, naming: 'lfru' });
    expect(standard.map((l) => l.title)).toEqual([
      'forget gate',
      'input gate',
      'candidate',
      'output gate',
      'cell state',
      'hidden state',
    ]);
    expect(lfru.find((l) => l.name === 'c')?.title).toBe('remember gate');
    expect(lfru.find((l) => l.name === 'g')?.role).toMatch(/learn gate/i);
    expect(lfru.find((l) => l.name === 'o')?.role).toMatch(/use gate/i);
    expect(standard.find((l) => l.name === 'f')?.formula).toBe('f = σ(·)');
  });

  it('writes the GRU candidate as n (pytorch) or h̃ (classic)', () => {
    const opts = { naming: 'standard', nonlinearity: 'tanh' } as const;
    expect(
      quantityLabels('gru', { ...opts, convention: 'pytorch' }).find((l) => l.name === 'n')?.symbol,
    ).toBe('n');
    expect(
      quantityLabels('gru', { ...opts, convention: 'classic' }).find((l) => l.name === 'n')?.symbol,
    ).toBe('h̃');
  });
});

describe('rich labels', () => {
  it('splits subscripts and superscripts', () => {
    expect(parseRich('c_{t−1} = 0.2')).toEqual([
      { text: 'c', kind: 'plain' },
      { text: 't−1', kind: 'sub' },
      { text: ' = 0.2', kind: 'plain' },
    ]);
    expect(parseRich('W^{T}')).toEqual([
      { text: 'W', kind: 'plain' },
      { text: 'T', kind: 'sup' },
    ]);
    expect(plainText('h_{t−1}')).toBe('h_t−1');
  });
});
