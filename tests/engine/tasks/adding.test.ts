/**
 * 'adding': values in [0, 1), exactly two markers, one per half, every step of each half
 * reachable with equal odds, the target is the sum of the marked values, and chance is what
 * always answering 1 scores within the 0.04 tolerance.
 */
import { describe, expect, it } from 'vitest';
import { makeTask, Random } from '../../../src/engine';

describe("task 'adding'", () => {
  it('has two markers, one in each half, and the target is the sum of the marked values', () => {
    for (const length of [10, 11, 50, 199, 200]) {
      const task = makeTask('adding', { length });
      expect(task.inputLabels).toEqual(['value', 'marker']);
      const half = Math.floor(length / 2);
      const rng = new Random(length);
      for (let k = 0; k < 50; k++) {
        const s = task.sample(rng);
        for (const [v, m] of s.xs) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThan(1);
          expect([0, 1]).toContain(m);
        }
        const marked = s.xs.flatMap((x, t) => (x[1] === 1 ? [t] : []));
        expect(marked.length).toBe(2);
        const [a = -1, b = -1] = marked;
        expect(a).toBeLessThan(half);
        expect(b).toBeGreaterThanOrEqual(half);
        expect(s.steps).toEqual([length - 1]);
        expect(s.targets).toEqual([[(s.xs[a]?.[0] ?? NaN) + (s.xs[b]?.[0] ?? NaN)]]);
        const tokens = task.tokens(s);
        expect(tokens[a]).toBe(`${(s.xs[a]?.[0] ?? 0).toFixed(2)}*`);
        expect(tokens.filter((tok) => tok.endsWith('*')).length).toBe(2);
      }
    }
  });

  it('puts each marker on every step of its half with equal odds', () => {
    const length = 11; // halves [0, 5) and [5, 11)
    const task = makeTask('adding', { length });
    const rng = new Random(5);
    const n = 6000;
    const counts = new Array<number>(length).fill(0);
    for (let k = 0; k < n; k++) {
      task.sample(rng).xs.forEach((x, t) => (counts[t] = (counts[t] ?? 0) + (x[1] ?? 0)));
    }
    counts.forEach((c, t) => {
      const p = t < 5 ? 1 / 5 : 1 / 6;
      expect(Math.abs(c / n - p)).toBeLessThan(4.5 * Math.sqrt((p * (1 - p)) / n));
    });
  });

  it('has chance = P(|sum − 1| < 0.04) = 0.0784, as a simulation of always answering 1 finds', () => {
    const task = makeTask('adding');
    expect(task.tolerance).toBe(0.04);
    expect(task.chance).toBeCloseTo(0.0784, 12);
    const rng = new Random(1997);
    const n = 20000;
    let hits = 0;
    let sumOfTargets = 0;
    for (let k = 0; k < n; k++) {
      const y = task.sample(rng).targets[0]?.[0] ?? NaN;
      sumOfTargets += y;
      if (Math.abs(y - 1) < 0.04) hits++;
    }
    const p = task.chance;
    expect(Math.abs(hits / n - p)).toBeLessThan(4.5 * Math.sqrt((p * (1 - p)) / n));
    // 1 is the best constant answer: the targets' mean.
    expect(Math.abs(sumOfTargets / n - 1)).toBeLessThan(4.5 * Math.sqrt(1 / 6 / n));
  });
});
