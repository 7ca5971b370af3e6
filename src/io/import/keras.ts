/**
 * The Keras reader: legacy `.h5` files (Keras 2 and 3 `model.save`, and `save_weights`)
 * and Keras 3 `.keras` archives, converted into the engine's PyTorch layout (see
 * ./keras/recurrent for the conversion). Its HDF5 and zip libraries load with it.
 */
import { buildModels } from './keras/stack';
import { H5File } from './keras/h5';
import { readLegacyH5 } from './keras/legacy';
import { readKerasArchive } from './keras/zip';
import type { FormatReader } from './types';

/** Reads a Keras 3 `.keras` archive: one ImportedModel per recurrent stack. */
export const readKerasZip: FormatReader = async (file) =>
  buildModels(await readKerasArchive(file.name, file.bytes));

/** Reads a Keras `.h5` (a saved model, or `save_weights()`): one ImportedModel per recurrent stack. */
export const readKerasH5: FormatReader = async (file) =>
  buildModels(readLegacyH5(await H5File.open(file.bytes, file.name)));
