import { describe, expect, it } from 'vitest';
import { makeTask } from '../../src/engine';
import { readoutOf } from '../../src/store/readout';

describe("a trained head's read-out is finite or says why not", () => {
  it('a read-out that overflows says so, by step and output, instead of NaN', () => {
    const task = makeTask('remember-first', { length: 5 });
    // What a head of weights 1e308 gives on |h| < 1: sums beyond float64, and ∞ − ∞.
    const readout = readoutOf(task, [
      [0.5, -0.5],
      [Infinity, 1],
      [NaN, NaN],
    ]);
    expect(readout.problem).toMatch(
      /^The read-out cannot be shown: at step 2, output 1 is Infinity/,
    );
  });

  it('a finite read-out has no problem', () => {
    const task = makeTask('remember-first', { length: 5 });
    expect(
      readoutOf(task, [
        [0.5, -0.5],
        [3, 1],
      ]).problem,
    ).toBeNull();
  });
});
