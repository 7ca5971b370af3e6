import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { expect } from 'vitest';
import { createModel, forward, type ModelSpec, type StateDict } from '../../../src/engine';
import type { ImportFile, ImportedModel } from '../../../src/io/import';
import type { RefModule } from './realModels';

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
export function expectClose(
  got: readonly ArrayLike<number>[],
  ref: number[][],
  what: string,
  tol = 1e-9,
) {
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

/** The files of one real model, relative to the collection (a TF.js folder gives all its files). */
export function realModelFiles(relative: string): ImportFile[] {
  const full = path.join(realModels, relative);
  const names = statSync(full).isDirectory()
    ? readdirSync(full).map((n) => path.join(full, n))
    : [full];
  return names.map(fileAt);
}

/**
 * Layer `l` of an imported stack as a one-layer model: its parameters renamed to layer 0
 * (both directions), its input size the size of what it reads.
 */
export function layerModel(
  model: ImportedModel,
  l: number,
): { spec: ModelSpec; params: StateDict } {
  const { spec } = model;
  const width = spec.hiddenSize * (spec.bidirectional ? 2 : 1);
  const params: StateDict = {};
  const suffix = new RegExp(`_l${l}(_reverse)?$`);
  for (const [name, value] of Object.entries(model.params)) {
    const m = suffix.exec(name);
    if (m) params[name.replace(suffix, `_l0${m[1] ?? ''}`)] = value;
  }
  return { spec: { ...spec, numLayers: 1, inputSize: l === 0 ? spec.inputSize : width }, params };
}

/**
 * Runs layer `l` of `model` on a reference's inputs (reversed for a go_backwards layer,
 * whose reference outputs are in processing order) and compares outputs, hT and cT.
 */
export function expectReproduces(model: ImportedModel, l: number, ref: RefModule): void {
  const { spec, params } = layerModel(model, l);
  const xs = model.goBackwards ? [...ref.xs].reverse() : ref.xs;
  const trace = forward(createModel(spec, params), xs);
  expectClose(trace.outputs, ref.outputs, `${ref.module} outputs`);
  expectClose(trace.hT, ref.hT, `${ref.module} hT`);
  if (ref.cT) expectClose(trace.cT ?? [], ref.cT, `${ref.module} cT`);
}
