/**
 * The damaged Keras files of the real-model collection are refused with a message that
 * names the file and says what is wrong, as broken.json's `goodMessage` does.
 */
import { describe, expect, it } from 'vitest';
import { importModels } from '../../../src/io/import';
import { realModelFiles } from './support';

describe('damaged Keras files', () => {
  it('zeroed_header.h5: the HDF5 signature is gone', async () => {
    await expect(importModels(realModelFiles('broken/zeroed_header.h5'))).rejects.toThrow(
      /^zeroed_header\.h5: not a readable HDF5 file: the HDF5 signature\/superblock is missing or damaged/,
    );
  });

  it('model.h5: an empty file says it is empty', async () => {
    await expect(importModels(realModelFiles('broken/model.h5'))).rejects.toThrow(
      'model.h5: the file is empty (0 bytes).',
    );
  });

  it("bad_config.keras: config.json cut in half is named, with the JSON parser's words", async () => {
    await expect(importModels(realModelFiles('broken/bad_config.keras'))).rejects.toThrow(
      /^bad_config\.keras: the \.keras archive is damaged: config\.json is not valid JSON \(.*(Unterminated|JSON).*\)\.$/,
    );
  });
});
