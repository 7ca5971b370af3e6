/**
 * A model trained on the user's numbers as a model file: its task record carries the table,
 * so the file alone rebuilds the same task (same windows, same standardisation) and the
 * same outputs, through JSON and through a link; a tampered or oversized record is refused
 * with the field named.
 */
import { describe, expect, it } from 'vitest';
import {
  createModel,
  forward,
  headForward,
  initHead,
  initParams,
  isNumbersTask,
  numbersTask,
  Random,
} from '../../src/engine';
import { importModels } from '../../src/io/import';
import { packModelFile, unpackModelFile } from '../../src/io/importLink';
import { parseModelFile } from '../../src/io/modelFile';
import { NUMBERS_MODEL_ID as ID, ROWS, TABLE, trainedFile } from './numbersFixture';

/** The file's JSON with `change` applied to a copy of its task record. */
function withTask(change: (task: Record<string, unknown>) => void): unknown {
  const json = JSON.parse(JSON.stringify(trainedFile())) as { task: Record<string, unknown> };
  change(json.task);
  return json;
}

describe('a model file of a model trained on your numbers', () => {
  it('records the table, the target, T, the warm-up and the standardisation of the training rows', () => {
    const { task } = trainedFile();
    expect(task.name).toBe('numbers');
    expect(task.columns).toEqual(['x', 'z', 'y']);
    expect(task.rows).toEqual(ROWS);
    expect(task.targets).toEqual([2]);
    expect([task.length, task.warmup]).toEqual([6, 1]);
    // 40 rows: the last 8 are held out, the statistics are those of the first 32.
    const first = ROWS.slice(0, 32).map((r) => r[1]!);
    const mean = first.reduce((a, b) => a + b, 0) / 32;
    expect((task.mean as number[])[1]).toBeCloseTo(mean, 12);
    const sd = Math.sqrt(first.reduce((a, v) => a + (v - mean) ** 2, 0) / 32);
    expect((task.std as number[])[1]).toBeCloseTo(sd, 12);
  });

  it('round-trips through JSON and a link: the same task and the same outputs on the pasted rows', () => {
    const file = trainedFile();
    const original = numbersTask(TABLE, { length: 6, warmup: 1 });
    const packed = packModelFile(file);
    expect(packed).not.toBeNull();
    const unpacked = unpackModelFile(packed!);
    if (!('json' in unpacked)) throw new Error(unpacked.problem);
    for (const json of [JSON.parse(JSON.stringify(file)) as unknown, unpacked.json]) {
      const loaded = parseModelFile(json, ID);
      expect(loaded.file).toEqual(file);
      const { task } = loaded;
      if (!isNumbersTask(task)) throw new Error('not a numbers task');
      expect(task.data.mean).toEqual(original.data.mean);
      expect([task.inputSize, task.outputSize, task.chance]).toEqual([2, 1, original.chance]);
      const [a, b] = [new Random(3), new Random(3)];
      for (let k = 0; k < 10; k++) expect(task.sample(a)).toEqual(original.sample(b));
      expect(task.sampleHeldOut(new Random(4))).toEqual(original.sampleHeldOut(new Random(4)));
      // The model reads the pasted rows through the recorded standardisation.
      const whole = task.sampleOf(ROWS);
      const y = headForward(loaded.head, forward(loaded.model, whole.xs).outputs, whole.steps);
      // …as the weights it was made of read them through the original task.
      const spec = { cell: 'gru', inputSize: 2, hiddenSize: 3, numLayers: 1 } as const;
      const model = createModel(spec, initParams(spec, { seed: 2 }));
      const outputs = forward(model, original.sampleOf(ROWS).xs).outputs;
      const expected = headForward(initHead(1, 3, 9), outputs, whole.steps);
      expect(y).toEqual(expected);
    }
  });

  it('refuses a tampered or oversized record, naming the field', () => {
    const refused = (change: (task: Record<string, unknown>) => void, pattern: RegExp) =>
      expect(() => parseModelFile(withTask(change), ID)).toThrow(pattern);
    refused((t) => {
      (t.mean as number[])[0] = 5;
    }, /"mean" of column “x” is 5, but the training rows give .*rows' own/);
    refused((t) => {
      (t.std as number[])[2] = 1;
    }, /"std" of column “y”/);
    refused((t) => {
      t.extra = 1;
    }, /task: unknown field "extra"/);
    refused((t) => {
      delete t.warmup;
    }, /"warmup" is missing; expected a number/);
    refused((t) => {
      t.targets = [0, 1, 2];
    }, /Every column is a target/);
    refused((t) => {
      t.targets = ['y'];
    }, /"targets" is an array; expected the target columns' numbers/);
    refused((t) => {
      (t.rows as number[][])[3] = [1, 2];
    }, /rows\[3\] is an array; expected 3 numbers, one per column/);
    refused((t) => {
      (t.columns as unknown[])[1] = 7;
    }, /columns\[1\] is 7; expected a text/);
    refused((t) => {
      (t.columns as string[])[1] = 'z'.repeat(201);
    }, /columns\[1\] is "zzz.*at most 200 characters/);
    refused((t) => {
      t.rows = Array.from({ length: 2001 }, () => [1, 2, 3]);
    }, /"rows" is an array; expected 1 to 2000 rows/);
    refused((t) => {
      const wide = Array.from({ length: 30 }, (_, c) => `c${c}`);
      t.columns = wide;
      t.rows = Array.from({ length: 1700 }, (_, r) => wide.map((_, c) => r * c));
    }, /"rows" holds 51000 numbers, more than the 50000 a paste can hold/);
    refused((t) => {
      t.length = 30;
    }, /Too few rows for 30 steps per sequence/);
    refused((t) => {
      (t.rows as number[][]).forEach((row) => (row[1] = 3));
    }, /Column “z” is constant/);
  });

  it('Load model file opens it as an imported model that says it reads standardised columns', async () => {
    const text = JSON.stringify(trainedFile());
    const [model] = await importModels([
      { name: `${ID}.json`, bytes: new TextEncoder().encode(text) },
    ]);
    expect(model!.spec.inputSize).toBe(2);
    expect(model!.notes.join(' ')).toMatch(
      /each column standardised .* reads its 2 input columns as given/,
    );
  });

  it('its id must name the task, T and cell as any model file', () => {
    const json = JSON.parse(JSON.stringify(trainedFile())) as Record<string, unknown>;
    json.id = 'numbers-7-gru-here-abc1234';
    expect(() => parseModelFile(json)).toThrow(/must start with "numbers-6-gru"/);
  });
});
