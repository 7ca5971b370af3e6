import { ImportError, type FormatReader } from './types';

/** Placeholder until the Keras reader lands: refuses every file, naming it. */
export const readKerasZip: FormatReader = async (file) => {
  throw new ImportError(`${file.name}: this format cannot be read yet.`);
};

/** Placeholder until the Keras reader lands: refuses every file, naming it. */
export const readKerasH5: FormatReader = readKerasZip;
