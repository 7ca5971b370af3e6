/**
 * An imported model's weights in a link: they round-trip exactly, a damaged or hostile
 * payload is refused with a reason, and a model too large for a link is not packed.
 */
import { describe, expect, it } from 'vitest';
import { initParams, type ModelSpec } from '../../src/engine';
import { compressText } from '../../src/io/compress';
import type { ImportedModel } from '../../src/io/import/types';
import {
  MAX_WEIGHTS_LINK,
  packWeights,
  splitWeights,
  unpackWeights,
} from '../../src/io/importLink';

function model(H: number): ImportedModel {
  const spec: ModelSpec = { cell: 'gru', inputSize: 2, hiddenSize: H, numLayers: 1 };
  return {
    name: 'gru',
    spec,
    params: initParams(spec, { seed: 3 }),
    vocabulary: ['a', 'b'],
    assumed: [],
    format: 'Keras 3 .keras',
    notes: ['gate order z, r, h mapped to r, z, n'],
  };
}

describe('weights in a link', () => {
  it('round-trip bit for bit, with the file name', () => {
    const packed = packWeights({ fileName: 'g.keras', imported: model(4) });
    expect(packed).not.toBeNull();
    expect(unpackWeights(packed!)).toEqual({ fileName: 'g.keras', imported: model(4) });
  });

  it('are not packed when they would pass the link limit', () => {
    // 3·64·(2 + 64 + 2) ≈ 13 k parameters of 17 digits each: far past 32 k characters.
    expect(packWeights({ fileName: 'big.keras', imported: model(64) })).toBeNull();
    expect(MAX_WEIGHTS_LINK).toBe(32_000);
  });

  it('one changed character is refused by the check, never read as other weights', () => {
    const packed = packWeights({ fileName: 'g.keras', imported: model(4) })!;
    const k = packed.length - 10;
    const flipped = packed.slice(0, k) + (packed[k] === 'A' ? 'B' : 'A') + packed.slice(k + 1);
    const result = unpackWeights(flipped);
    expect(result).toHaveProperty('problem');
  });

  it('refuse JSON with reserved keys and JSON of another shape, naming why', () => {
    const proto = compressText('{"fileName":"x","imported":{"__proto__":{"polluted":1}}}');
    expect(unpackWeights(proto)).toEqual({
      problem: expect.stringContaining('reserved') as unknown as string,
    });
    const other = compressText('{"fileName":"x","imported":{"name":"gru"}}');
    expect(unpackWeights(other)).toEqual({
      problem: 'the weights do not have the shape of an imported model',
    });
    expect(unpackWeights('not packed at all')).toHaveProperty('problem');
  });

  it('are taken out of the hash, which keeps every other setting as written', () => {
    const packed = packWeights({ fileName: 'g.keras', imported: model(4) })!;
    const hash = `v=1&A.cell=gru&A.import=imp-1&A.iw=${packed}&text=a%20b&B.iw=xyz`;
    const { hash: rest, weights } = splitWeights(hash);
    expect(rest).toBe('v=1&A.cell=gru&A.import=imp-1&text=a%20b');
    expect(weights.get('A')).toBe(packed);
    expect(weights.get('B')).toBe('xyz');
    expect(splitWeights('v=1&A.cell=gru').hash).toBe('v=1&A.cell=gru');
  });
});
