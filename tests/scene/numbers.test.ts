import { describe, expect, it } from 'vitest';
import { DataInputError } from '../../src/scene/dataErrors';
import { DEFAULT_NUMBER_LIMITS, parseNumbers } from '../../src/scene/numbers';
import { LIMITS } from '../../src/scene/limits';

const refused = (text: string, limits = DEFAULT_NUMBER_LIMITS) => {
  try {
    parseNumbers(text, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(DataInputError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('parseNumbers: what it reads', () => {
  it('CSV with a header: rows are steps, columns features, the header kept', () => {
    expect(parseNumbers('temp,rain\n1.5,0\n-2,3e-2\n')).toEqual({
      rows: [
        [1.5, 0],
        [-2, 0.03],
      ],
      header: ['temp', 'rain'],
    });
  });

  it('CSV without a header', () => {
    expect(parseNumbers('1,2\n3,4')).toEqual({
      rows: [
        [1, 2],
        [3, 4],
      ],
    });
  });

  it('TSV, with Windows line ends and a byte-order mark', () => {
    expect(parseNumbers('\uFEFFa\tb\r\n1\t2\r\n.5\t-.5\r\n')).toEqual({
      rows: [
        [1, 2],
        [0.5, -0.5],
      ],
      header: ['a', 'b'],
    });
  });

  it('one column, with or without a header', () => {
    expect(parseNumbers('0.1\n0.2\n0.3')).toEqual({ rows: [[0.1], [0.2], [0.3]] });
    expect(parseNumbers('price\n10\n11')).toEqual({ rows: [[10], [11]], header: ['price'] });
  });

  it('whitespace-separated columns (aligned with several spaces)', () => {
    expect(parseNumbers('  1   2\n 30  4.5\n')).toEqual({
      rows: [
        [1, 2],
        [30, 4.5],
      ],
    });
  });

  it('semicolons with decimal commas, as European spreadsheets save CSV; quoted cells', () => {
    expect(parseNumbers('"x";"y"\n"1,5";2\n-0,25;1e3')).toEqual({
      rows: [
        [1.5, 2],
        [-0.25, 1000],
      ],
      header: ['x', 'y'],
    });
  });

  it('ignores blank lines before the first row and after the last', () => {
    expect(parseNumbers('\n\n1\n2\n\n  \n')).toEqual({ rows: [[1], [2]] });
  });
});

describe('parseNumbers: what it refuses, naming the row and column', () => {
  it.each([
    ['a word', 'a,b\n1,2\n3,abc', "Row 3, column 2: 'abc' is not a number."],
    ['NaN', '1,2\nNaN,2', "Row 2, column 1: 'NaN' is not a number."],
    ['Infinity', '1\n2\n-Infinity', "Row 3, column 1: '-Infinity' is not a number."],
    ['a number beyond float64', '1\n1e999', "Row 2, column 1: '1e999' is too large for a number."],
    ['an empty cell', '1,2,3\n4,,6', 'Row 2, column 2 is empty.'],
    ['hex', '1\n0x10', "Row 2, column 1: '0x10' is not a number."],
    [
      'a decimal comma in a comma-separated file',
      '1,5\n2,5,1',
      'Row 2 has 3 columns; row 1 has 2 (separated by commas).',
    ],
    [
      'a mixed first row (a typo, not a header)',
      '1,abc\n2,3',
      "Row 1, column 2: 'abc' is not a number.",
    ],
  ])('%s', (_, text, message) => {
    expect(refused(text)).toBe(message);
  });

  it('ragged rows: the row, its columns and the first row’s', () => {
    expect(refused('t\tx\ty\n1\t2\t3\n4\t5\n')).toBe(
      'Row 3 has 2 columns; row 1 has 3 (separated by tabs).',
    );
  });

  it('a blank line between rows', () => {
    expect(refused('1\n2\n\n3')).toMatch(/^Row 3 is empty/);
  });

  it('empty text, or a header alone', () => {
    expect(refused('  \n ')).toMatch(/empty/);
    expect(refused('a,b\n')).toBe("Only a header row ('a', 'b'): no numbers.");
  });

  it('more steps than the page runs (LIMITS.sequenceLength), with and without a header', () => {
    const max = LIMITS.sequenceLength.max;
    const column = (n: number) => Array.from({ length: n }, (_, k) => String(k)).join('\n');
    expect(parseNumbers(column(max)).rows).toHaveLength(max);
    expect(parseNumbers(`x\n${column(max)}`).rows).toHaveLength(max);
    expect(refused(column(max + 1))).toBe(
      `${max + 1} rows of numbers; at most ${max} steps can be run.`,
    );
    expect(refused(column(max + 2))).toMatch(/^More than 2001 rows; at most 2000 steps/);
  });

  it('more features than allowed, and the limits given by the caller', () => {
    const limits = { steps: 3, features: 2 };
    expect(refused('1,2,3\n4,5,6', limits)).toBe(
      'Row 1 has more than 2 columns; at most 2 features can be run.',
    );
    expect(refused('1\n2\n3\n4', limits)).toMatch(/at most 3 steps/);
    expect(parseNumbers('1,2\n3,4\n5,6', limits).rows).toHaveLength(3);
  });
});
