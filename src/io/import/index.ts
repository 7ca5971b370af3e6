/**
 * The model importer's entry: sniffs each file's format and hands it to that format's
 * reader, loaded only now (dynamic import), so that no parser weighs on the first paint.
 * Runs under Node (tsx) as in the browser and the worker.
 */
import { extensionOf, sniffFormat, type ImportFormat } from './sniff';
import { ImportError, type FormatReader, type ImportFile, type ImportedModel } from './types';

export { ImportError, type ImportFile, type ImportedModel } from './types';
export { sniffFormat, type ImportFormat } from './sniff';

/** The largest file the importer reads, in bytes (100 MB). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

/** The reader of each format, loaded on first use. */
const READERS: Record<Exclude<ImportFormat, 'shard'>, () => Promise<FormatReader>> = {
  pytorch: () => import('./pytorch').then((m) => m.readPytorch),
  safetensors: () => import('./safetensors').then((m) => m.readSafetensors),
  'keras-zip': () => import('./keras').then((m) => m.readKerasZip),
  hdf5: () => import('./keras').then((m) => m.readKerasH5),
  onnx: () => import('./onnx').then((m) => m.readOnnx),
  tfjs: () => import('./tfjs').then((m) => m.readTfjs),
  'gatescope-json': () => import('./gatescope').then((m) => m.readGatescopeJson),
};

/**
 * Every recurrent stack in `files`, in file order (one entry per stack). Files that a
 * TF.js `model.json` lists as its weight shards are read with it, not on their own.
 * Rejects with an {@link ImportError} whose message names the file: over
 * {@link MAX_IMPORT_BYTES}, an unknown format, a damaged file, or no recurrent layer.
 */
export async function importModels(files: readonly ImportFile[]): Promise<ImportedModel[]> {
  const formats = files.map((file) => ({ file, format: sniffFormat(file) }));
  const hasTopology = formats.some((f) => f.format === 'tfjs');
  const models: ImportedModel[] = [];
  for (const { file, format } of formats) {
    if (file.bytes.length > MAX_IMPORT_BYTES) {
      throw new ImportError(
        `${file.name}: ${(file.bytes.length / 1e6).toFixed(1)} MB; the importer reads files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
      );
    }
    if (format === null) {
      // A file a model.json lists (its shards) has no signature of its own.
      if (hasTopology) continue;
      throw new ImportError(
        `${file.name}: not a model file Gatescope can read (${extensionOf(file.name) ? `.${extensionOf(file.name)}` : 'no extension'}); expected a PyTorch .pt/.pth, .safetensors, Keras .keras/.h5, .onnx, a TF.js model.json with its shards, or a Gatescope model file.`,
      );
    }
    if (format === 'shard') continue;
    const read = await READERS[format]();
    const others = files.filter((f) => f !== file);
    models.push(...(await read(file, others)));
  }
  return models;
}
