/**
 * 'remember-first': x_1 = ±1, distractors bounded by the noise, the target is the sign of
 * x_1 at the last step only, the classes are balanced, and chance is what always answering
 * one class scores.
 */
import { describe, expect, it } from 'vitest';
import { makeTask, Random } from '../../../src/engine';

describe("task 'remember-first'", () => {
  it('scores the last step only, with the class of the sign of x_1', () => {
    for (const [length, noise] of [
      [5, 1],
      [50, 0.3],
      [100, 2],
    ] as const) {
      const task = makeTask('remember-first', { length, noise });
      expect(task.outputLabels).toEqual(['−1', '+1']);
      const rng = new Random(length);
      for (let k = 0; k < 50; k++) {
        const s = task.sample(rng);
        const first = s.xs[0]?.[0];
        expect(Math.abs(first ?? 0)).toBe(1);
        expect(s.steps).toEqual([length - 1]);
        expect(s.targets).toEqual([first === 1 ? [0, 1] : [1, 0]]);
        for (const [v] of s.xs.slice(1)) expect(Math.abs(v ?? Infinity)).toBeLessThanOrEqual(noise);
        const tokens = task.tokens(s);
        expect(tokens[0]).toBe(first === 1 ? '+1' : '−1');
        expect(tokens[1]).toBe(
          (s.xs[1]?.[0] ?? 0).toFixed(2).replace('-', '−').replace('−0.00', '0.00'),
        );
      }
    }
  });

  it('fills [−noise, noise] with distractors, and noise 0 makes them zero', () => {
    const task = makeTask('remember-first', { length: 100, noise: 1 });
    const rng = new Random(3);
    let lo = Infinity;
    let hi = -Infinity;
    for (let k = 0; k < 50; k++) {
      for (const [v] of task.sample(rng).xs.slice(1)) {
        lo = Math.min(lo, v ?? 0);
        hi = Math.max(hi, v ?? 0);
      }
    }
    expect(lo).toBeLessThan(-0.99);
    expect(hi).toBeGreaterThan(0.99);
    const quiet = makeTask('remember-first', { length: 10, noise: 0 }).sample(new Random(1));
    expect(quiet.xs.slice(1).flat()).toEqual(new Array<number>(9).fill(0));
  });

  it('is balanced, and chance = the accuracy of always answering one class', () => {
    const task = makeTask('remember-first');
    const rng = new Random(2024);
    const n = 8000;
    let plus = 0;
    for (let k = 0; k < n; k++) if (task.sample(rng).targets[0]?.[1] === 1) plus++;
    const bound = 4.5 * Math.sqrt(0.25 / n);
    expect(Math.abs(plus / n - 0.5)).toBeLessThan(bound);
    expect(task.chance).toBe(0.5);
    expect(Math.abs(Math.max(plus, n - plus) / n - task.chance)).toBeLessThan(bound);
  });
});
