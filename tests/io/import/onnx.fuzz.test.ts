import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importModels, ImportError } from '../../../src/io/import';
import { fixture } from './support';

const seeds = ['onnx_lstm_head.onnx', 'onnx_gru_lbr0.onnx', 'onnx_bilstm.onnx'].map(
  (name) => fixture(name).bytes,
);

/** Imports `bytes` as an .onnx file: it must answer (models or an ImportError) within 1 s. */
async function answers(bytes: Uint8Array): Promise<void> {
  const start = performance.now();
  const result = await importModels([{ name: 'fuzz.onnx', bytes }]).then(
    (models) => models,
    (error: unknown) => error,
  );
  expect(performance.now() - start).toBeLessThan(1000);
  if (!Array.isArray(result)) {
    expect(result).toBeInstanceOf(ImportError);
    expect((result as Error).message).toMatch(/^fuzz\.onnx: /);
  }
}

/** A protobuf varint. */
function varint(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
  return out;
}

const seedArb = fc.constantFrom(...seeds);

describe('the ONNX reader under damaged and hostile bytes', () => {
  it('truncated files: a model or an ImportError naming the file, never a hang', async () => {
    await fc.assert(
      fc.asyncProperty(seedArb, fc.double({ min: 0, max: 1, noNaN: true }), async (seed, cut) => {
        await answers(seed.subarray(0, Math.floor(cut * seed.length)));
      }),
      { numRuns: 80 },
    );
  });

  it('flipped bits', async () => {
    await fc.assert(
      fc.asyncProperty(
        seedArb,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), {
          minLength: 1,
          maxLength: 8,
        }),
        async (seed, flips) => {
          const bytes = seed.slice();
          for (const [at, bit] of flips) bytes[at % bytes.length]! ^= 1 << bit;
          await answers(bytes);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('huge declared lengths, for the graph and inside it', async () => {
    await fc.assert(
      fc.asyncProperty(
        seedArb,
        fc.nat(),
        fc.constantFrom(2 ** 31 - 1, 2 ** 32 + 5, 2 ** 48, 1e15),
        async (seed, at, length) => {
          // A length-delimited field (graph, node, raw_data…) claiming far more than the file.
          const cut = at % seed.length;
          for (const tag of [0x3a, 0x0a, 0x4a]) {
            await answers(
              new Uint8Array([...seed.subarray(0, cut), tag, ...varint(length), 1, 2, 3]),
            );
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('deep nesting: groups inside groups, graphs inside attributes', async () => {
    await answers(new Uint8Array(200_000).fill(0x0b)); // field 1, start group, 200 000 deep
    // Node → attribute → graph → node → attribute → graph … , 500 levels.
    let inner: number[] = [];
    for (let level = 0; level < 500; level++) {
      const attr = [0x32, ...varint(inner.length), ...inner]; // AttributeProto.g
      const node = [0x2a, ...varint(attr.length), ...attr]; // NodeProto.attribute
      inner = [0x0a, ...varint(node.length), ...node]; // GraphProto.node
    }
    await answers(new Uint8Array([0x3a, ...varint(inner.length), ...inner]));
  });

  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => answers(bytes)),
      { numRuns: 200 },
    );
  });
});
