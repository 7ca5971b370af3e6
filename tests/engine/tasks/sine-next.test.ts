/**
 * 'sine-next': every target is the next input, the whole sequence satisfies the sine
 * recurrence with a period in range and the requested amplitude, the phase is uniform, and
 * chance is what always answering 0 scores within the 0.1 tolerance.
 */
import { describe, expect, it } from 'vitest';
import { makeTask, Random } from '../../../src/engine';
import type { Sample } from '../../../src/engine';

/** x_0..x_T: the inputs followed by the last target. */
function wave(s: Sample): number[] {
  return [...s.xs.map((x) => x[0] ?? NaN), s.targets.at(-1)?.[0] ?? NaN];
}

/**
 * The angular step ω and amplitude A of x_t = A·sin(ωt + φ), from the identities
 * x_{t−1} + x_{t+1} = 2cos(ω)·x_t and x_t² − x_{t−1}·x_{t+1} = A²·sin²(ω); also the largest
 * residual of the first identity over the whole sequence.
 */
function fitSine(x: number[]): { omega: number; amplitude: number; residual: number } {
  let t0 = 1;
  for (let t = 1; t < x.length - 1; t++) if (Math.abs(x[t] ?? 0) > Math.abs(x[t0] ?? 0)) t0 = t;
  const at = (t: number) => x[t] ?? NaN;
  const cos = (at(t0 - 1) + at(t0 + 1)) / (2 * at(t0));
  const omega = Math.acos(cos);
  const amplitude = Math.sqrt((at(t0) ** 2 - at(t0 - 1) * at(t0 + 1)) / (1 - cos * cos));
  let residual = 0;
  for (let t = 1; t < x.length - 1; t++) {
    residual = Math.max(residual, Math.abs(at(t - 1) + at(t + 1) - 2 * cos * at(t)));
  }
  return { omega, amplitude, residual };
}

describe("task 'sine-next'", () => {
  it('scores every step with the next input, and the sequence is a sine in range', () => {
    for (const [length, periodMin, periodMax, amplitude] of [
      [10, 8, 24, 1],
      [40, 4, 6, 2.5],
      [200, 50, 100, 0.5],
    ] as const) {
      const task = makeTask('sine-next', { length, periodMin, periodMax, amplitude });
      const rng = new Random(length);
      for (let k = 0; k < 50; k++) {
        const s = task.sample(rng);
        expect(s.steps).toEqual([...Array(length).keys()]);
        for (let t = 0; t < length - 1; t++) expect(s.targets[t]).toEqual(s.xs[t + 1]);
        const fit = fitSine(wave(s));
        expect(fit.residual).toBeLessThan(1e-9);
        expect(fit.amplitude).toBeCloseTo(amplitude, 6);
        const period = (2 * Math.PI) / fit.omega;
        expect(period).toBeGreaterThanOrEqual(periodMin - 1e-6);
        expect(period).toBeLessThanOrEqual(periodMax + 1e-6);
        for (const v of wave(s)) expect(Math.abs(v)).toBeLessThanOrEqual(amplitude + 1e-12);
        expect(task.tokens(s)[0]).toBe(
          (s.xs[0]?.[0] ?? 0).toFixed(2).replace('-', '−').replace('−0.00', '0.00'),
        );
      }
    }
  });

  it('spreads periods over their range and phases over the circle', () => {
    const task = makeTask('sine-next');
    const rng = new Random(11);
    const periods: number[] = [];
    let positiveStart = 0;
    const n = 2000;
    for (let k = 0; k < n; k++) {
      const s = task.sample(rng);
      periods.push((2 * Math.PI) / fitSine(wave(s)).omega);
      if ((s.xs[0]?.[0] ?? 0) > 0) positiveStart++;
    }
    expect(Math.min(...periods)).toBeLessThan(8.1);
    expect(Math.max(...periods)).toBeGreaterThan(23.9);
    const below16 = periods.filter((p) => p < 16).length / n;
    expect(Math.abs(below16 - 0.5)).toBeLessThan(4.5 * Math.sqrt(0.25 / n));
    expect(Math.abs(positiveStart / n - 0.5)).toBeLessThan(4.5 * Math.sqrt(0.25 / n));
  });

  it('has chance = what always answering 0 scores, by simulation, for two amplitudes', () => {
    for (const amplitude of [1, 2]) {
      const task = makeTask('sine-next', { amplitude });
      expect(task.tolerance).toBe(0.1);
      const rng = new Random(1806);
      let hits = 0;
      let total = 0;
      for (let k = 0; k < 4000; k++) {
        for (const [y] of task.sample(rng).targets) {
          total++;
          if (Math.abs(y ?? NaN) < 0.1) hits++;
        }
      }
      expect(Math.abs(hits / total - task.chance)).toBeLessThan(0.006);
    }
    expect(makeTask('sine-next').chance).toBeCloseTo(0.0638, 4);
  });
});
