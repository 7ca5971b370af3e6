import { describe, expect, it } from 'vitest';
import { csvDocument, csvField } from '../../../src/io/export';
import { parseCsv } from './support';

describe('csvField', () => {
  it('leaves plain text and numbers bare, numbers in full precision', () => {
    expect(csvField('h')).toBe('h');
    expect(csvField(0.1 + 0.2)).toBe('0.30000000000000004');
    const tiny = -Math.PI * 1e-300;
    expect(Number(csvField(tiny))).toBe(tiny);
    expect(csvField(null)).toBe('');
  });

  it('quotes commas, quotes, CR and LF, doubling quotes (RFC 4180)', () => {
    expect(csvField(',')).toBe('","');
    expect(csvField('"')).toBe('""""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField('say "hi", then')).toBe('"say ""hi"", then"');
  });
});

describe('csvDocument', () => {
  it('ends every line with CRLF and reads back field for field', () => {
    const text = csvDocument(
      ['a', 'b'],
      [
        [',', '"'],
        ['\n', 1.5],
      ],
    );
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([
      ['a', 'b'],
      [',', '"'],
      ['\n', '1.5'],
    ]);
  });
});
