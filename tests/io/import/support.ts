import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { expect } from 'vitest';
import { createModel, forward, type StateDict } from '../../../src/engine';
import type { ImportFile, ImportedModel } from '../../../src/io/import';

/** The repository's root. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The shared collection of real model files, beside the repository (never copied into it). */
export const realModels = path.resolve(repoRoot, '../shared/real-models');

/** A file of tests/fixtures/models or of the real collection, as the importer takes it. */
export function fileAt(filePath: string): ImportFile {
  return { name: path.basename(filePath), bytes: new Uint8Array(readFileSync(filePath)) };
}

/** A committed fixture under tests/fixtures/models. */
export const fixture = (name: string): ImportFile =>
  fileAt(path.join(repoRoot, 'tests/fixtures/models', name));

/** |got − ref| ≤ tol·max(1, |ref|) elementwise, naming the first element that is off. */
export function expectClose(got: ArrayLike<number>[], ref: number[][], what: string, tol = 1e-9) {
  expect(got.length, `${what}: rows`).toBe(ref.length);
  ref.forEach((row, t) => {
    const g = Array.from(got[t]!);
    expect(g.length, `${what}[${t}]: columns`).toBe(row.length);
    row.forEach((v, j) => {
      const err = Math.abs(g[j]! - v);
      if (!(err <= tol * Math.max(1, Math.abs(v)))) {
        expect.fail(`${what}[${t}][${j}] = ${g[j]}, reference ${v} (|diff| ${err})`);
      }
    });
  });
}

/** Runs an imported model on `xs` from zeros: outputs [T][H] and hT [L][H] (cT for lstm). */
export function run(model: ImportedModel, xs: number[][]) {
  const trace = forward(createModel(model.spec, model.params as StateDict), xs);
  return {
    outputs: trace.outputs.map((row) => Array.from(row)),
    hT: trace.hT.map((row) => Array.from(row)),
    cT: trace.cT?.map((row) => Array.from(row)),
  };
}

/** y = W h + b for each row h. */
export function applyHead(head: NonNullable<ImportedModel['head']>, rows: number[][]): number[][] {
  return rows.map((h) =>
    head.weight.map((w, o) => w.reduce((sum, wk, k) => sum + wk * h[k]!, head.bias[o]!)),
  );
}
