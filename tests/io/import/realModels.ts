/**
 * The real model files of `../shared/real-models/` (beside the repository; never copied
 * into it) and their float64 reference outputs, for every importer's tests: load a ref,
 * run an imported model on its `xs`, compare with |got − ref| ≤ 1e-9·max(1, |ref|).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

/** The collection's folder, resolved from the repository root. */
export const REAL_MODELS = path.resolve(__dirname, '../../..', '../shared/real-models');

/** One reference: a recurrent module of a file, its input and PyTorch/Keras outputs. */
export interface RefModule {
  readonly module: string;
  readonly cell: 'rnn' | 'lstm' | 'gru';
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly numLayers: number;
  readonly bidirectional: boolean;
  readonly nonlinearity?: 'tanh' | 'relu';
  readonly variant?: string;
  readonly xs: number[][];
  readonly outputs: number[][];
  readonly hT: number[][];
  readonly cT?: number[][];
}

/** The entries of `manifest.json` (only the fields tests read). */
export interface ManifestEntry {
  readonly id: string;
  readonly format: string;
  readonly file: string;
  readonly expect: string;
}

/** The collection's manifest. */
export function manifest(): ManifestEntry[] {
  return JSON.parse(
    readFileSync(path.join(REAL_MODELS, 'manifest.json'), 'utf8'),
  ) as ManifestEntry[];
}

/** The reference modules of file `id`. */
export function refsOf(id: string): RefModule[] {
  const json = JSON.parse(readFileSync(path.join(REAL_MODELS, 'refs', `${id}.json`), 'utf8'));
  return (json as { modules: RefModule[] }).modules;
}

/** The bytes of a file of the collection (`files/…`, `broken/…`). */
export function realFile(relative: string): { name: string; bytes: Uint8Array } {
  return {
    name: path.basename(relative),
    bytes: new Uint8Array(readFileSync(path.join(REAL_MODELS, relative))),
  };
}

/** What a forward pass gives, as the refs record it. */
export interface Outputs {
  readonly outputs: ArrayLike<ArrayLike<number>>;
  readonly hT: ArrayLike<ArrayLike<number>>;
  readonly cT?: ArrayLike<ArrayLike<number>>;
}

/** Asserts every entry of `got` is within 1e-9·max(1, |ref|) of `ref`, naming the first miss. */
export function expectClose(got: Outputs, ref: Outputs, label: string): void {
  const fields: (keyof Outputs)[] = ref.cT ? ['outputs', 'hT', 'cT'] : ['outputs', 'hT'];
  for (const field of fields) {
    const g = got[field]!;
    const r = ref[field]!;
    expect(g.length, `${label} ${field} rows`).toBe(r.length);
    for (let i = 0; i < r.length; i++) {
      expect(g[i]!.length, `${label} ${field}[${i}] length`).toBe(r[i]!.length);
      for (let j = 0; j < r[i]!.length; j++) {
        const want = r[i]![j]!;
        const diff = Math.abs(g[i]![j]! - want);
        if (!(diff <= 1e-9 * Math.max(1, Math.abs(want)))) {
          expect.fail(
            `${label} ${field}[${i}][${j}] = ${g[i]![j]}, reference ${want} (|diff| ${diff})`,
          );
        }
      }
    }
  }
}
