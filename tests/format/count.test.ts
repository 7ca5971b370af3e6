import fc from 'fast-check';
import { expect, it } from 'vitest';
import { formatCount } from '../../src/format/count';

it('writes counts as en-US does, thousands separated by commas', () => {
  expect(formatCount(0)).toBe('0');
  expect(formatCount(999)).toBe('999');
  expect(formatCount(1000)).toBe('1,000');
  expect(formatCount(1234567)).toBe('1,234,567');
  fc.assert(
    fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
      expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
    }),
  );
});
