/**
 * 'parity': bits in {0, 1}, every step scored with the running XOR recomputed here, fair
 * bits and balanced classes, and chance = always answering one class.
 */
import { describe, expect, it } from 'vitest';
import { makeTask, Random } from '../../../src/engine';

describe("task 'parity'", () => {
  it('scores every step with the parity of the bits so far', () => {
    for (const length of [2, 20, 100]) {
      const task = makeTask('parity', { length });
      expect(task.outputLabels).toEqual(['even', 'odd']);
      const rng = new Random(length);
      for (let k = 0; k < 50; k++) {
        const s = task.sample(rng);
        const bits = s.xs.map((x) => x[0]);
        for (const b of bits) expect([0, 1]).toContain(b);
        expect(s.steps).toEqual([...Array(length).keys()]);
        s.targets.forEach((y, t) => {
          const ones = bits.slice(0, t + 1).filter((b) => b === 1).length;
          expect(y).toEqual(ones % 2 === 1 ? [0, 1] : [1, 0]);
        });
        expect(task.tokens(s)).toEqual(bits.map(String));
      }
    }
  });

  it('draws fair bits, balanced classes, and chance = always answering one class', () => {
    const task = makeTask('parity');
    const rng = new Random(99);
    const samples = 2000;
    let ones = 0;
    let odd = 0;
    let lastOdd = 0;
    for (let k = 0; k < samples; k++) {
      const s = task.sample(rng);
      for (const [b] of s.xs) ones += b ?? 0;
      for (const y of s.targets) odd += y[1] ?? 0;
      lastOdd += s.targets.at(-1)?.[1] ?? 0;
    }
    const n = samples * 20;
    expect(Math.abs(ones / n - 0.5)).toBeLessThan(4.5 * Math.sqrt(0.25 / n));
    expect(Math.abs(lastOdd / samples - 0.5)).toBeLessThan(4.5 * Math.sqrt(0.25 / samples));
    // Running parities of fair bits are themselves independent fair coins.
    expect(Math.abs(odd / n - 0.5)).toBeLessThan(4.5 * Math.sqrt(0.25 / n));
    expect(task.chance).toBe(0.5);
    expect(Math.abs(Math.max(odd, n - odd) / n - task.chance)).toBeLessThan(0.01);
  });
});
