import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataInputError } from '../../../src/scene/dataErrors';
import { parseNumbers } from '../../../src/scene/numbers';
import { parseVocabulary } from '../../../src/io/data/vocabulary';

/** Runs `parse`: it returns, or throws a DataInputError, within 1 s. */
function answers(parse: () => unknown) {
  const start = performance.now();
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(DataInputError);
  }
  expect(performance.now() - start).toBeLessThan(1000);
}

const cell = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.constantFrom('', 'NaN', 'abc', '"1"', '1,5', '-', '.', 'e5', ' 7 '),
);
const separator = fc.constantFrom(',', ';', '\t', ' ', '\n', '\r\n', '"');

describe('parseNumbers under arbitrary text', () => {
  it('mixtures of numbers, words and separators: rows of finite numbers, or a DataInputError', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, separator), { maxLength: 60 }), (parts) => {
        const text = parts.map(([c, s]) => c + s).join('');
        answers(() => {
          const { rows } = parseNumbers(text);
          for (const row of rows) for (const v of row) expect(Number.isFinite(v)).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('any string, and huge single lines', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => answers(() => parseNumbers(text))),
    );
    answers(() => parseNumbers(','.repeat(2_000_000)));
    answers(() => parseNumbers('1\n'.repeat(1_000_000)));
  });

  it('a table written with any separator reads back exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((cols) =>
          fc.array(
            fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), {
              minLength: cols,
              maxLength: cols,
            }),
            {
              minLength: 1,
              maxLength: 20,
            },
          ),
        ),
        fc.constantFrom(',', '\t', ' '),
        (rows, sep) => {
          const text = rows.map((r) => r.join(sep)).join('\n');
          expect(parseNumbers(text).rows).toEqual(rows.map((r) => r.map((v) => v + 0)));
        },
      ),
    );
  });
});

describe('parseVocabulary under arbitrary text', () => {
  it('tokens, or a DataInputError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => answers(() => parseVocabulary(text))),
    );
    fc.assert(fc.property(fc.json(), (text) => answers(() => parseVocabulary(text))));
  });
});
