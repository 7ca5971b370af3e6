import { ImportError, type FormatReader } from './types';

/** Placeholder until this format's reader lands: refuses every file, naming it. */
export const readSafetensors: FormatReader = async (file) => {
  throw new ImportError(`${file.name}: this format cannot be read yet.`);
};
