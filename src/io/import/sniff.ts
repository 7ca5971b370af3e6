import type { ImportFile } from './types';

/** The formats the importer tells apart, before any parser is loaded. */
export type ImportFormat =
  'pytorch' | 'safetensors' | 'keras-zip' | 'hdf5' | 'onnx' | 'tfjs' | 'gatescope-json' | 'shard';

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0): boolean =>
  bytes.length >= at + magic.length && magic.every((b, k) => bytes[at + k] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const HDF5 = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
const PICKLE_PROTO = 0x80;

/** The file's extension, lower case, without the dot ('' when none). */
export function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/**
 * Which reader a file goes to, from its first bytes and then its name; null when neither
 * says. A zip is PyTorch's unless it holds Keras's `config.json` (decided by the reader
 * that opens it: 'keras-zip' for a `.keras` name). JSON files are TF.js topologies when
 * they say so, otherwise Gatescope's own files. Files a `model.json` lists are 'shard'.
 */
export function sniffFormat(file: ImportFile): ImportFormat | null {
  const { bytes, name } = file;
  const ext = extensionOf(name);
  if (startsWith(bytes, HDF5) || ext === 'h5' || ext === 'hdf5') return 'hdf5';
  if (startsWith(bytes, ZIP) || startsWith(bytes, ZIP_EMPTY)) {
    return ext === 'keras' ? 'keras-zip' : 'pytorch';
  }
  if (ext === 'keras') return 'keras-zip';
  if (ext === 'onnx') return 'onnx';
  if (ext === 'safetensors') return 'safetensors';
  if (ext === 'pt' || ext === 'pth' || ext === 'ckpt' || ext === 'bin') {
    return bytes[0] === PICKLE_PROTO || ext !== 'bin' ? 'pytorch' : null;
  }
  if (bytes[0] === PICKLE_PROTO) return 'pytorch';
  if (ext === 'json' || bytes[0] === 0x7b /* { */) {
    const head = new TextDecoder().decode(bytes.subarray(0, 4096));
    return head.includes('"modelTopology"') || head.includes('"weightsManifest"')
      ? 'tfjs'
      : 'gatescope-json';
  }
  return null;
}
