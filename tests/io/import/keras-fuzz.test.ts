/**
 * Hostile and damaged Keras / TF.js files: truncations, bit flips, huge declared sizes and
 * deep nesting never hang the readers and never escape as anything but an ImportError
 * that names the file (a flip that only changes a weight may still import).
 */
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError, importModels, type ImportFile } from '../../../src/io/import';
import { fixture } from './support';

/** Imports `files`; passes when it resolves or rejects with an ImportError naming `name`. */
async function importsOrRefuses(files: ImportFile[], name: string): Promise<void> {
  try {
    await importModels(files);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message.startsWith(`${name}: `)).toBe(true);
  }
}

const damage = (bytes: Uint8Array) =>
  fc.oneof(
    fc.integer({ min: 0, max: bytes.length - 1 }).map((n) => bytes.slice(0, n)),
    fc
      .array(
        fc.tuple(fc.integer({ min: 0, max: bytes.length - 1 }), fc.integer({ min: 0, max: 7 })),
        {
          minLength: 1,
          maxLength: 8,
        },
      )
      .map((flips) => {
        const out = bytes.slice();
        for (const [at, bit] of flips) out[at] = (out[at] as number) ^ (1 << bit);
        return out;
      }),
  );

/** Text nested `depth` arrays deep. */
const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

describe('Keras readers under damage', () => {
  it('a Keras 2 .h5, truncated or with bits flipped', async () => {
    const { bytes } = fixture('keras2_gru_resetbefore_hardsig.h5');
    await fc.assert(
      fc.asyncProperty(damage(bytes), (damaged) =>
        importsOrRefuses([{ name: 'd.h5', bytes: damaged }], 'd.h5'),
      ),
      { numRuns: 60 },
    );
  });

  it('a .keras archive, truncated or with bits flipped', async () => {
    const { bytes } = fixture('keras3_simplernn_relu.keras');
    await fc.assert(
      fc.asyncProperty(damage(bytes), (damaged) =>
        importsOrRefuses([{ name: 'd.keras', bytes: damaged }], 'd.keras'),
      ),
      { numRuns: 60 },
    );
  });

  it('the weights inside a .keras archive with bits flipped', async () => {
    const entries = unzipSync(fixture('keras3_simplernn_relu.keras').bytes);
    const weights = entries['model.weights.h5'] as Uint8Array;
    await fc.assert(
      fc.asyncProperty(damage(weights), (damaged) =>
        importsOrRefuses(
          [{ name: 'w.keras', bytes: zipSync({ ...entries, 'model.weights.h5': damaged }) }],
          'w.keras',
        ),
      ),
      { numRuns: 40 },
    );
  });

  it('a config.json nested 100 000 deep is refused quickly', async () => {
    const entries = unzipSync(fixture('keras3_simplernn_relu.keras').bytes);
    entries['config.json'] = strToU8(`{"class_name": "Sequential", "config": ${nested(100_000)}}`);
    const started = performance.now();
    await expect(importModels([{ name: 'deep.keras', bytes: zipSync(entries) }])).rejects.toThrow(
      /^deep\.keras: the \.keras archive is damaged: config\.json nests deeper than 256 levels/,
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('TF.js reader under damage', () => {
  const json = (topology: unknown, weights: unknown[]) =>
    strToU8(
      JSON.stringify({ modelTopology: topology, weightsManifest: [{ paths: ['s'], weights }] }),
    );
  const lstm = {
    class_name: 'Sequential',
    config: {
      layers: [
        { class_name: 'LSTM', config: { name: 'lstm', units: 2, recurrent_activation: 'sigmoid' } },
      ],
    },
  };
  const shard = { name: 's', bytes: new Uint8Array(160) };

  it('a weight that declares a huge shape is refused before anything is allocated', async () => {
    const files = [
      {
        name: 'model.json',
        bytes: json(lstm, [{ name: 'lstm/kernel', shape: [100_000, 100_000], dtype: 'float32' }]),
      },
      shard,
    ];
    await expect(importModels(files)).rejects.toThrow(
      /^model\.json: the weight shards hold 160 bytes, but the manifest needs more/,
    );
  });

  it('model.json with arbitrary manifests and configs', async () => {
    const shape = fc.array(
      fc.oneof(fc.integer({ min: -2, max: 3000 }), fc.constant(2 ** 40), fc.constant(1.5)),
      { maxLength: 3 },
    );
    const weight = fc.record({
      name: fc.constantFrom('lstm/kernel', 'lstm/recurrent_kernel', 'lstm/bias', 'x'),
      shape,
      dtype: fc.constantFrom('float32', 'int32', 'string'),
    });
    const topology = fc.oneof(
      fc.constant(lstm),
      fc.jsonValue({ maxDepth: 6 }),
      fc.constant({ class_name: 'Sequential', config: [] }),
    );
    await fc.assert(
      fc.asyncProperty(topology, fc.array(weight, { maxLength: 4 }), (t, w) =>
        importsOrRefuses([{ name: 'model.json', bytes: json(t, w) }, shard], 'model.json'),
      ),
      { numRuns: 150 },
    );
  });

  it('a modelTopology nested 100 000 deep is refused', async () => {
    const text = `{"modelTopology": ${nested(100_000)}, "weightsManifest": []}`;
    await expect(importModels([{ name: 'model.json', bytes: strToU8(text) }])).rejects.toThrow(
      /^model\.json: model\.json nests deeper than 256 levels/,
    );
  });
});

describe('.keras zip bombs', () => {
  it('an entry that declares 4 GB inflated is refused before inflating', async () => {
    const bytes = fixture('keras3_simplernn_relu.keras').bytes.slice();
    const view = new DataView(bytes.buffer);
    // Every central-directory record: its uncompressed size (offset 24) set to ~4 GB.
    let records = 0;
    for (let at = 0; at + 46 <= bytes.length; at++) {
      if (view.getUint32(at, true) === 0x02014b50) {
        view.setUint32(at + 24, 0xfffffff0, true);
        records++;
      }
    }
    expect(records).toBe(3);
    await expect(importModels([{ name: 'bomb.keras', bytes }])).rejects.toThrow(
      /^bomb\.keras: the \.keras archive is damaged: .*(expand|MB|bytes)/,
    );
  });
});
