/**
 * 'numbers', a task built from a pasted table: windows of T consecutive rows, the held-out
 * rows the last ones and never shared with a training window, columns standardised with
 * the training rows' statistics only, determinism in the seed, refusals in words, and an
 * LSTM that learns a delayed copy of its input from held-out accuracy near chance to near 1.
 */
import { describe, expect, it } from 'vitest';
import {
  EngineInputError,
  evaluate,
  initHead,
  createModel,
  initParams,
  numbersTask,
  Random,
  train,
  Trainer,
  type Sample,
} from '../../../src/engine';

/** Rows [t, x_t, y_t]: the row index (to find a window's rows again), noise, and x two rows back. */
function delayTable(n: number, seed = 7) {
  const rng = new Random(seed);
  const x = Array.from({ length: n }, () => rng.uniform(-1, 1));
  const rows = x.map((v, t) => [t, v, t >= 2 ? x[t - 2]! : 0]);
  return { columns: ['t', 'x', 'y'], rows, targets: [2] };
}

/** Mean and population standard deviation, written out. */
function stats(values: number[]): [number, number] {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  return [mean, Math.sqrt(variance)];
}

/** The row indices a sample covers, read back from its standardised 't' input (column 0). */
function rowsOf(sample: Sample, mean: number, std: number): number[] {
  return sample.xs.map((x) => Math.round(x[0]! * std + mean));
}

describe("task 'numbers'", () => {
  const table = delayTable(100);
  const task = numbersTask(table, { length: 10, warmup: 2 });
  // 100 rows: the last max(⌈100/5⌉, 10) = 20 are held out.
  const [tMean, tStd] = stats([...Array(80).keys()]);

  it('inputs are the other columns, targets the chosen ones, standardised by the first 80 rows', () => {
    expect(task.inputSize).toBe(2);
    expect(task.outputSize).toBe(1);
    expect(task.loss).toBe('mse');
    expect(task.inputLabels).toEqual(['t (z)', 'x (z)']);
    expect(task.outputLabels).toEqual(['y (z)']);
    expect(task.data.trainRows).toBe(80);
    for (let c = 0; c < 3; c++) {
      const [mean, std] = stats(table.rows.slice(0, 80).map((r) => r[c]!));
      expect(task.data.mean[c]).toBeCloseTo(mean, 12);
      expect(task.data.std[c]).toBeCloseTo(std, 12);
    }
    const s = task.sample(new Random(3));
    const rows = rowsOf(s, tMean, tStd);
    expect(s.steps).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    const [yMean, yStd] = [task.data.mean[2]!, task.data.std[2]!];
    s.steps.forEach((t, k) => {
      expect(s.targets[k]![0]).toBeCloseTo((table.rows[rows[t]!]![2]! - yMean) / yStd, 12);
    });
    const [xMean, xStd] = [task.data.mean[1]!, task.data.std[1]!];
    s.xs.forEach((x, t) =>
      expect(x[1]).toBeCloseTo((table.rows[rows[t]!]![1]! - xMean) / xStd, 12),
    );
  });

  it('training windows are consecutive rows before row 80, held-out windows after it, every start reached', () => {
    const rng = new Random(11);
    const trainStarts = new Set<number>();
    const heldStarts = new Set<number>();
    for (let k = 0; k < 2000; k++) {
      const a = rowsOf(task.sample(rng), tMean, tStd);
      const b = rowsOf(task.sampleHeldOut(rng), tMean, tStd);
      for (const [rows, starts] of [
        [a, trainStarts],
        [b, heldStarts],
      ] as const) {
        expect(rows).toEqual(Array.from({ length: 10 }, (_, t) => rows[0]! + t));
        starts.add(rows[0]!);
      }
      expect(Math.max(...a)).toBeLessThan(80);
      expect(Math.min(...b)).toBeGreaterThanOrEqual(80);
      expect(Math.max(...b)).toBeLessThan(100);
    }
    expect([...trainStarts].sort((x, y) => x - y)).toEqual([...Array(71).keys()]);
    expect([...heldStarts].sort((x, y) => x - y)).toEqual(
      Array.from({ length: 11 }, (_, k) => 80 + k),
    );
  });

  it('nothing of the held-out rows reaches training: changing them leaves the training samples and the statistics', () => {
    const changed = table.rows.map((row, r) => (r < 80 ? row : [row[0]!, 50 + r, -3 * r]));
    const other = numbersTask({ ...table, rows: changed }, { length: 10, warmup: 2 });
    expect(other.data.mean).toEqual(task.data.mean);
    expect(other.data.std).toEqual(task.data.std);
    const [a, b] = [new Random(5), new Random(5)];
    for (let k = 0; k < 50; k++) expect(other.sample(b)).toEqual(task.sample(a));
    expect(other.sampleHeldOut(new Random(5))).not.toEqual(task.sampleHeldOut(new Random(5)));
    // Trained alike, scored on their own held-out rows: the same weights, other scores.
    const spec = { cell: 'gru' as const, inputSize: 2, hiddenSize: 4, numLayers: 1 };
    const [t1, t2] = [task, other].map((t) => new Trainer(spec, t, { seed: 2, batchSize: 8 }));
    for (let k = 0; k < 5; k++) expect(t2!.step()).toBe(t1!.step());
    expect(t2!.snapshot().theta).toEqual(t1!.snapshot().theta);
    expect(t2!.evaluate(32).loss).toBeGreaterThan(100 * t1!.evaluate(32).loss);
  });

  it('holds out at least one window: T = 30 of 100 rows keeps the last 30', () => {
    const long = numbersTask(table, { length: 30 });
    expect(long.data.trainRows).toBe(70);
    expect(long.sample(new Random(1)).steps.length).toBe(30);
    expect(numbersTask(table, { length: 50 }).data.trainRows).toBe(50);
  });

  it('the same seed gives the same samples; another seed other samples', () => {
    const draw = (seed: number) => {
      const rng = new Random(seed);
      return Array.from({ length: 20 }, () => [task.sample(rng), task.sampleHeldOut(rng)]);
    };
    expect(draw(9)).toEqual(draw(9));
    expect(draw(9)).not.toEqual(draw(10));
  });

  it('chance is the fraction of held-out rows whose target lies within 0.25 standard deviations of the training mean', () => {
    const [mean, std] = [task.data.mean[2]!, task.data.std[2]!];
    const near = table.rows.slice(80).filter((r) => Math.abs(r[2]! - mean) <= 0.25 * std).length;
    expect(task.chance).toBeCloseTo(near / 20, 15);
    expect(task.tolerance).toBe(0.25);
  });

  it('sampleOf reads a whole table through the same standardisation, scored after the warm-up', () => {
    const s = task.sampleOf(table.rows);
    expect(s.xs.length).toBe(100);
    expect(s.steps).toEqual(Array.from({ length: 98 }, (_, k) => k + 2));
    expect(rowsOf(s, tMean, tStd)).toEqual([...Array(100).keys()]);
    expect(() => task.sampleOf([[1, 2]])).toThrow(/more than 2 rows/);
    expect(() => task.sampleOf(table.rows.map((r) => r.slice(1)))).toThrow(/3 finite numbers/);
  });

  it('refuses, in words, what it cannot train on', () => {
    const refuse = (t: Parameters<typeof numbersTask>[0], p: object, pattern: RegExp) => {
      expect(() => numbersTask(t, p)).toThrow(EngineInputError);
      expect(() => numbersTask(t, p)).toThrow(pattern);
    };
    refuse({ ...table, targets: [] }, {}, /Choose at least one target column/);
    refuse({ ...table, targets: [0, 1, 2] }, {}, /Every column is a target/);
    refuse({ ...table, targets: [3] }, {}, /column numbers from 1 to 3/);
    refuse({ ...table, targets: [2, 1] }, {}, /distinct column numbers/);
    refuse(
      { columns: ['y'], rows: table.rows.map((r) => [r[2]!]), targets: [0] },
      {},
      /at least two/,
    );
    refuse(
      table,
      { length: 60 },
      /Too few rows for 60 steps per sequence.*120 rows.*have 100.*at most 50 steps/,
    );
    refuse(table, { length: 10, warmup: 10 }, /unscored first steps \(10\) must be fewer/);
    refuse(
      { ...table, rows: table.rows.map((r, k) => [r[0]!, k < 80 ? 4 : k, r[2]!]) },
      {},
      /Column “x” is constant \(4\) in the 80 training rows/,
    );
    refuse({ ...table, rows: [...table.rows.slice(0, 50), [1, 2]] }, {}, /row 51 has 2 values/);
    refuse(
      { ...table, rows: [...table.rows.slice(0, 50), [1, NaN, 2]] },
      {},
      /row 51, column “x” is NaN/,
    );
  });

  it('an LSTM learns to repeat its input two rows later: held-out accuracy from near chance to above 90%', () => {
    const task2 = numbersTask(
      { columns: ['x', 'y'], rows: delayTable(300).rows.map((r) => [r[1]!, r[2]!]), targets: [1] },
      { length: 12, warmup: 2 },
    );
    const spec = { cell: 'lstm' as const, inputSize: 1, hiddenSize: 8, numLayers: 1 };
    const before = evaluate(
      createModel(spec, initParams(spec, { seed: 1 })),
      initHead(1, 8, 2),
      task2,
      { seed: 5, count: 200 },
    );
    const result = train(spec, task2, {
      seed: 1,
      epochs: 4,
      batchesPerEpoch: 50,
      batchSize: 32,
      learningRate: 0.02,
      init: { forgetBias: 1 },
    });
    const after = evaluate(result.model, result.head, task2, { seed: 5, count: 200 });
    expect(before.accuracy).toBeLessThan(task2.chance + 0.15);
    expect(after.accuracy).toBeGreaterThan(0.9);
    expect(after.loss).toBeLessThan(0.05 * before.loss);
  });
});
