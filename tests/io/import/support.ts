/**
 * Shared by the importer's tests: the real-model collection beside the repository, one
 * layer of an imported stack as a model of its own, and the reference comparison.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { createModel, forward, type ModelSpec, type StateDict } from '../../../src/engine';
import type { ImportedModel, ImportFile } from '../../../src/io/import';

const repoRoot = path.resolve(__dirname, '../../..');

/** `shared/real-models` beside the repository (never copied into it). */
export const REAL_MODELS = path.resolve(repoRoot, '../shared/real-models');

/** The files of one real model (a TF.js folder gives all of its files). */
export function realModelFiles(relative: string): ImportFile[] {
  const full = path.join(REAL_MODELS, relative);
  const names = statSync(full).isDirectory()
    ? readdirSync(full).map((n) => path.join(full, n))
    : [full];
  return names.map((n) => ({ name: path.basename(n), bytes: new Uint8Array(readFileSync(n)) }));
}

/** A file of the repository's fixtures. */
export function fixtureFile(relative: string): ImportFile {
  const full = path.join(repoRoot, 'tests/fixtures/models', relative);
  return { name: path.basename(full), bytes: new Uint8Array(readFileSync(full)) };
}

/** One recurrent module's reference outputs (refs/<id>.json). */
export interface RefModule {
  module: string;
  xs: number[][];
  outputs: number[][];
  hT: number[][];
  cT?: number[][];
}

/** The reference outputs of real model `id`. */
export function readRefs(id: string): RefModule[] {
  const json = JSON.parse(readFileSync(path.join(REAL_MODELS, 'refs', `${id}.json`), 'utf8')) as {
    modules: RefModule[];
  };
  return json.modules;
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

/** Elementwise |got − ref| ≤ tol·max(1, |ref|), naming the first failure. */
export function expectClose(
  got: ArrayLike<ArrayLike<number>>,
  ref: number[][],
  tol: number,
  what: string,
): void {
  expect(got.length, `${what}: rows`).toBe(ref.length);
  let worst = 0;
  let where = '';
  ref.forEach((row, t) => {
    const g = got[t] as ArrayLike<number>;
    expect(g.length, `${what}[${t}]: length`).toBe(row.length);
    row.forEach((r, j) => {
      const excess = Math.abs((g[j] as number) - r) / Math.max(1, Math.abs(r));
      if (excess > worst) {
        worst = excess;
        where = `${what}[${t}][${j}]: got ${g[j]}, ref ${r}`;
      }
    });
  });
  expect(worst, where).toBeLessThanOrEqual(tol);
}

/**
 * Runs layer `l` of `model` on the reference inputs (reversed for a go_backwards layer,
 * whose reference outputs are in processing order) and compares outputs, hT and cT.
 */
export function expectReproduces(
  model: ImportedModel,
  l: number,
  ref: RefModule,
  tol = 1e-9,
): void {
  const { spec, params } = layerModel(model, l);
  const xs = model.goBackwards ? [...ref.xs].reverse() : ref.xs;
  const trace = forward(createModel(spec, params), xs);
  expectClose(trace.outputs, ref.outputs, tol, `${ref.module} outputs`);
  expectClose(trace.hT, ref.hT, tol, `${ref.module} hT`);
  if (ref.cT) expectClose(trace.cT ?? [], ref.cT, tol, `${ref.module} cT`);
}
