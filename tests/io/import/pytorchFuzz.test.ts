/**
 * The PyTorch and safetensors parsers under damage (fast-check): truncation at every
 * length, bit flips, huge declared sizes, deep nesting, a zip bomb, hostile globals. They
 * never hang, never throw anything but an ImportError, and never return weights from a
 * damaged tensor record.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError, type ImportedModel } from '../../../src/io/import';
import { readPytorch } from '../../../src/io/import/pytorch';
import { readSafetensors } from '../../../src/io/import/safetensors';
import { unpickle, type PickleHooks } from '../../../src/io/import/pytorch/pickle';
import type { FormatReader } from '../../../src/io/import/types';

/** Hooks that build nothing: enough to step over a legacy file's pickles. */
const INERT: PickleHooks = { persistentLoad: () => null, reduce: () => undefined };

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(path.resolve(__dirname, '../../fixtures/models/pytorch', name)));

/** The reader's outcome: its models, or its ImportError (anything else fails the test). */
async function outcome(
  read: FormatReader,
  bytes: Uint8Array,
): Promise<ImportedModel[] | ImportError> {
  try {
    return await read({ name: 'f.pt', bytes }, []);
  } catch (e) {
    if (e instanceof ImportError) {
      expect(e.message.startsWith('f.pt: ')).toBe(true);
      return e;
    }
    throw e;
  }
}

const FILES = [
  { name: 'emb_lstm.pt', read: readPytorch },
  { name: 'legacy_rnn.pt', read: readPytorch },
  { name: 'emb_gru.safetensors', read: readSafetensors },
];

describe.each(FILES)('$name under damage', ({ name, read }) => {
  const bytes = fixture(name);

  it('every strict prefix is refused with an ImportError', async () => {
    for (let n = 0; n < bytes.length; n++) {
      const result = await outcome(read, bytes.subarray(0, n));
      if (!(result instanceof ImportError))
        expect.fail(`a prefix of ${n} of ${bytes.length} bytes was imported`);
    }
  });

  it('bit flips: an ImportError, or models (for the zip: exactly the original weights)', async () => {
    const original = JSON.stringify(await read({ name, bytes }, []));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: bytes.length * 8 - 1 }), async (bit) => {
        const flipped = bytes.slice();
        flipped[bit >> 3]! ^= 1 << (bit & 7);
        const result = await outcome(read, flipped);
        // Zip records carry a CRC-32: a model read from a damaged zip is the original one.
        if (!(result instanceof ImportError) && name.endsWith('.pt') && bytes[0] === 0x50) {
          expect(JSON.stringify(result)).toBe(original);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** A torch zip whose data.pkl is `pickle` (stored), plus the given records. */
const torchZip = (pickle: Uint8Array, records: Record<string, Uint8Array> = {}): Uint8Array =>
  zipSync(
    Object.fromEntries(
      Object.entries({ 'archive/data.pkl': pickle, ...records }).map(([k, v]) => [
        k,
        [v, { level: 0 }],
      ]),
    ),
  );

const bytesOf = (...parts: (string | number[])[]): Uint8Array =>
  new Uint8Array(
    parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)),
  );

const refusal = async (bytes: Uint8Array, read: FormatReader = readPytorch): Promise<string> => {
  const result = await outcome(read, bytes);
  expect(result).toBeInstanceOf(ImportError);
  return (result as ImportError).message;
};

describe('hostile and oversized inputs', () => {
  it('a pickle that names os.system is refused before anything else', async () => {
    const pickle = bytesOf([0x80, 2], 'cposix\nsystem\n', 'X', [5, 0, 0, 0], 'echo!', [0x85], 'R.');
    expect(await refusal(torchZip(pickle))).toMatch(/posix\.system, which no PyTorch file needs/);
  });

  it('an unknown class is an inert object: no recurrent layer, and the message says what was found', async () => {
    const pickle = bytesOf([0x80, 2], 'c__main__\nEvil\n', ')', [0x81], '.');
    expect(await refusal(torchZip(pickle))).toMatch(
      /holds a __main__\.Evil object, not a state dict/,
    );
  });

  it('deep nesting (100 000 lists) is read without recursion and refused', async () => {
    const depth = 100_000;
    const pickle = new Uint8Array(2 * depth + 2).fill(0x61 /* APPEND */);
    pickle.set([0x80, 2]);
    pickle.fill(0x5d /* EMPTY_LIST */, 2, depth + 2);
    pickle[pickle.length - 1] = 0x2e; // STOP
    expect(await refusal(torchZip(pickle))).toMatch(/holds a list or tuple of 1/);
  });

  it('huge declared sizes: a string length, a storage count, a safetensors header', async () => {
    const longString = bytesOf([0x80, 2], 'X', [0xff, 0xff, 0xff, 0x7f], 'abc');
    expect(await refusal(torchZip(longString))).toMatch(/the pickle ends early/);
    const header = new Uint8Array(16);
    new DataView(header.buffer).setBigUint64(0, 2n ** 60n, true);
    expect(await refusal(header, readSafetensors)).toMatch(/header declares \d+ bytes/);
    const raw = fixture('legacy_rnn.pt');
    // The first storage's int64 element count follows the five pickles; make it 2^40.
    let at = 0;
    for (let k = 0; k < 5; k++) at = unpickle(raw, INERT, at).end;
    new DataView(raw.buffer).setBigInt64(at, 2n ** 40n, true);
    expect(await refusal(raw)).toMatch(
      /declares 1099511627776 float32 elements .*truncated or corrupt/,
    );
  });

  it('a zip bomb: declared sizes over the cap are refused up front; a lying size fails its CRC', async () => {
    const zeros = new Uint8Array(8 * 2 ** 20);
    const bomb = zipSync({ 'archive/data.pkl': [zeros, { level: 1 }] });
    const started = performance.now();
    // Declare 100 bytes: inflating stops at 100, and the CRC-32 no longer matches.
    const lying = patchSizes(bomb, 100);
    expect(await refusal(lying)).toMatch(/'archive\/data\.pkl' is damaged \(its CRC-32/);
    // Declare 4 GB: refused before any inflation.
    expect(await refusal(patchSizes(bomb, 0xfffffff0))).toMatch(/more than 512 MB once expanded/);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

/** Sets the uncompressed size of the first entry, in its local header and the directory. */
function patchSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  view.setUint32(22, size, true);
  for (let at = out.length - 22; at >= 0; at--) {
    if (view.getUint32(at, true) === 0x02014b50) {
      view.setUint32(at + 24, size, true);
      break;
    }
  }
  return out;
}
