/**
 * What every task promises, checked through the public API: the registry and its defaults,
 * parameter validation, sample shapes, plain-array samples, determinism in the seed, and
 * one token per step.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeTask, Random, TASK_NAMES, TASK_PARAMS } from '../../../src/engine';
import type { Sample, Task, TaskName } from '../../../src/engine';

const RUNS = { numRuns: 40 };
const seedArb = fc.integer({ min: 0, max: 2 ** 32 - 1 });

/** The length bounds and defaults the brief fixes, written out independently of the code. */
const LENGTHS: Record<TaskName, [min: number, max: number, def: number]> = {
  'remember-first': [5, 100, 50],
  adding: [10, 200, 50],
  'sine-next': [10, 200, 40],
  'next-char': [5, 200, 40],
  parity: [2, 100, 20],
};

/** fast-check: a task name with a length it allows. */
const taskArb = fc.constantFrom(...TASK_NAMES).chain((name) =>
  fc.record({
    name: fc.constant(name),
    length: fc.integer({ min: LENGTHS[name][0], max: LENGTHS[name][1] }),
  }),
);

function expectWellShaped(task: Task, s: Sample): void {
  const T = task.params.length ?? NaN;
  expect(s.xs.length).toBe(T);
  for (const x of s.xs) {
    expect(x.length).toBe(task.inputSize);
    for (const v of x) expect(Number.isFinite(v)).toBe(true);
  }
  expect(s.steps.length).toBeGreaterThan(0);
  s.steps.forEach((t, k) => {
    expect(Number.isInteger(t)).toBe(true);
    expect(t).toBeGreaterThanOrEqual(0);
    expect(t).toBeLessThan(T);
    if (k > 0) expect(t).toBeGreaterThan(s.steps[k - 1] ?? Infinity);
  });
  expect(s.targets.length).toBe(s.steps.length);
  for (const y of s.targets) {
    expect(y.length).toBe(task.outputSize);
    for (const v of y) expect(Number.isFinite(v)).toBe(true);
    if (task.loss === 'crossEntropy') {
      expect([...y].sort()).toEqual([...new Array<number>(y.length - 1).fill(0), 1]);
    }
  }
}

describe('the task registry', () => {
  it('lists the five tasks, each made under its own name with the right sizes', () => {
    expect([...TASK_NAMES].sort()).toEqual(Object.keys(LENGTHS).sort());
    for (const name of TASK_NAMES) {
      const task = makeTask(name);
      expect(task.name).toBe(name);
      expect(task.title.length).toBeGreaterThan(0);
      expect(task.inputLabels.length).toBe(task.inputSize);
      expect(task.outputLabels.length).toBe(task.outputSize);
      expect(task.tolerance !== undefined).toBe(task.loss === 'mse');
      expect(task.chance).toBeGreaterThan(0);
      expect(task.chance).toBeLessThan(1);
    }
  });

  it('fills in the defaults, and task.params made into a task again gives the same task', () => {
    for (const name of TASK_NAMES) {
      const task = makeTask(name);
      expect(task.params.length).toBe(LENGTHS[name][2]);
      const defaults = Object.fromEntries(
        Object.entries(TASK_PARAMS[name]).map(([k, spec]) => [k, spec.default]),
      );
      expect({ ...task.params }).toEqual(defaults);
      const again = makeTask(name, { ...task.params });
      expect(again.params).toEqual(task.params);
      expect(again.sample(new Random(7))).toEqual(task.sample(new Random(7)));
    }
  });

  it('accepts the ends of the length range and rejects what lies outside, naming the range', () => {
    for (const name of TASK_NAMES) {
      const [min, max] = LENGTHS[name];
      expect(TASK_PARAMS[name].length).toMatchObject({ min, max, integer: true });
      expect(makeTask(name, { length: min }).params.length).toBe(min);
      expect(makeTask(name, { length: max }).params.length).toBe(max);
      const range = `[${min}, ${max}]`;
      for (const bad of [min - 1, max + 1, min + 0.5, NaN, Infinity, '20' as unknown as number]) {
        expect(() => makeTask(name, { length: bad })).toThrow(
          new RegExp(`'length'.*integer in \\[${min}, ${max}\\]`),
        );
        expect(() => makeTask(name, { length: bad })).toThrow(range);
      }
    }
  });

  it('rejects unknown parameters and unknown task names', () => {
    expect(() => makeTask('parity', { lenght: 10 } as never)).toThrow(
      /unknown parameter 'lenght'.*length/,
    );
    expect(() => makeTask('adding', { noise: 0.5 } as never)).toThrow(/'noise'/);
    expect(() => makeTask('nope' as TaskName)).toThrow(/Unknown task 'nope'/);
  });

  it('rejects out-of-range values of the other parameters, naming them', () => {
    expect(() => makeTask('remember-first', { noise: -0.1 })).toThrow(/'noise'.*\[0, 2\]/);
    expect(() => makeTask('remember-first', { noise: 2.5 })).toThrow(/'noise'.*\[0, 2\]/);
    expect(() => makeTask('sine-next', { periodMin: 3 })).toThrow(/'periodMin'.*\[4, 100\]/);
    expect(() => makeTask('sine-next', { periodMax: 101 })).toThrow(/'periodMax'.*\[4, 100\]/);
    expect(() => makeTask('sine-next', { amplitude: 0 })).toThrow(/'amplitude'.*\[0.5, 5\]/);
    expect(() => makeTask('sine-next', { periodMin: 30, periodMax: 20 })).toThrow(
      /'periodMin'.*'periodMax'/,
    );
    expect(makeTask('sine-next', { periodMin: 12, periodMax: 12 }).params.periodMin).toBe(12);
  });

  it('draws well-shaped samples of plain arrays, with one token per step', () => {
    fc.assert(
      fc.property(taskArb, seedArb, ({ name, length }, seed) => {
        const task = makeTask(name, { length });
        const rng = new Random(seed);
        for (let k = 0; k < 3; k++) {
          const s = task.sample(rng);
          expectWellShaped(task, s);
          expect(JSON.parse(JSON.stringify(s))).toEqual(s);
          const tokens = task.tokens(s);
          expect(tokens.length).toBe(length);
          for (const tok of tokens) {
            expect(typeof tok).toBe('string');
            expect(tok.length).toBeGreaterThan(0);
            expect(tok.length).toBeLessThanOrEqual(6);
          }
        }
      }),
      RUNS,
    );
  });

  it('is deterministic in the seed, and different seeds give different samples', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TASK_NAMES), seedArb, seedArb, (name, seed, other) => {
        fc.pre(seed !== other);
        const draw = (s: number) => {
          const task = makeTask(name);
          const rng = new Random(s);
          return Array.from({ length: 5 }, () => task.sample(rng));
        };
        expect(draw(seed)).toEqual(draw(seed));
        expect(draw(other)).not.toEqual(draw(seed));
      }),
      RUNS,
    );
  });
});
