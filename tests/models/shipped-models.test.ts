/**
 * The trained models shipped in public/models (written by `npm run train-models`): each
 * file loads, is listed in the index, and still scores what it claims on sequences it has
 * never seen.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine';
import {
  modelIndexEntry,
  parseModelFile,
  parseModelIndex,
  type LoadedModel,
} from '../../src/io/modelFile';

const DIR = join(import.meta.dirname, '..', '..', 'public', 'models');
const INDEX = 'index.json';

/** Sequences each model is re-scored on. */
const SAMPLES = 1000;

const readJson = (name: string): unknown => JSON.parse(readFileSync(join(DIR, name), 'utf8'));

const names = readdirSync(DIR)
  .filter((name) => name.endsWith('.json') && name !== INDEX)
  .sort();

const loaded = new Map<string, LoadedModel>(
  names.map((name) => [name, parseModelFile(readJson(name))]),
);

/** Loaded model `id`; throws when it is not shipped. */
function model(id: string): LoadedModel {
  const found = loaded.get(`${id}.json`);
  if (!found) throw new Error(`public/models/${id}.json is missing.`);
  return found;
}

/**
 * Accuracy on `SAMPLES` fresh sequences from `seed` (never the seed the file's metrics
 * used), and the largest difference from the claimed accuracy that chance explains: four
 * standard errors of the difference of two binomial proportions, counting sequences (the
 * steps of one sequence are not independent, so this is the conservative count), plus
 * 0.01 for accuracies near 0 or 1.
 */
function rescore(loadedModel: LoadedModel, seed: number): { accuracy: number; tolerance: number } {
  const { model, head, task, file } = loadedModel;
  const { accuracy } = evaluate(model, head, task, { seed, count: SAMPLES });
  const p = file.metrics.accuracy;
  const se = Math.sqrt(p * (1 - p) * (1 / SAMPLES + 1 / file.metrics.samples));
  return { accuracy, tolerance: 4 * se + 0.01 };
}

describe('public/models', () => {
  it('holds models', () => {
    expect(names.length).toBeGreaterThan(0);
  });

  it('index.json lists exactly the model files present, as the files describe them', () => {
    const index = parseModelIndex(readJson(INDEX));
    expect(index.map((entry) => `${entry.id}.json`).sort()).toEqual(names);
    for (const entry of index) expect(entry).toEqual(modelIndexEntry(model(entry.id).file));
  });

  describe.each(names)('%s', (name) => {
    const { file, task } = loaded.get(name)!;

    it('is named after its id, small, with a finite curve and metrics that match its task', () => {
      expect(`${file.id}.json`).toBe(name);
      expect(file.spec.hiddenSize).toBeLessThanOrEqual(32);
      expect(file.curve.length).toBeGreaterThan(0);
      expect(file.curve.every(Number.isFinite)).toBe(true);
      expect(file.curve).toHaveLength(file.training.epochs);
      expect(file.metrics.samples).toBeGreaterThanOrEqual(1000);
      expect(file.metrics.seed).not.toBe(file.training.seed);
      expect(file.metrics.chance).toBeCloseTo(task.chance, 5);
    });

    it('scores its claimed accuracy on newly generated sequences', () => {
      const { accuracy, tolerance } = rescore(loaded.get(name)!, file.metrics.seed + 1);
      expect(Math.abs(accuracy - file.metrics.accuracy)).toBeLessThanOrEqual(tolerance);
    });
  });

  it('remember-first at T = 50: the RNN is at chance, LSTM and GRU are near perfect', () => {
    const fresh = (id: string) => {
      const found = model(id);
      return evaluate(found.model, found.head, found.task, {
        seed: found.file.metrics.seed + 2,
        count: SAMPLES,
      }).accuracy;
    };
    for (const id of ['remember-first-50-rnn', 'remember-first-50-lstm', 'remember-first-50-gru']) {
      expect(model(id).task.params).toMatchObject({ length: 50, noise: 1 });
    }
    expect(model('remember-first-50-rnn').file.metrics.accuracy).toBeLessThanOrEqual(0.6);
    expect(fresh('remember-first-50-rnn')).toBeLessThanOrEqual(0.6);
    for (const id of ['remember-first-50-lstm', 'remember-first-50-gru']) {
      expect(model(id).file.metrics.accuracy).toBeGreaterThanOrEqual(0.95);
      expect(fresh(id)).toBeGreaterThanOrEqual(0.95);
    }
  });
});
