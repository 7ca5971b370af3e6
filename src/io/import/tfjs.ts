/**
 * The TensorFlow.js reader: a Layers-format `model.json` (a Keras config as
 * `modelTopology`, and a `weightsManifest` naming weight shards) with its shard files,
 * which arrive as siblings and are matched by base name. Float32 weights only: quantized
 * or other dtypes are refused by name. Conversion as for Keras (./keras/recurrent).
 */
import { isRecord, parseJson, readModelConfig } from './keras/config';
import { buildModels } from './keras/stack';
import type { KerasLayer, Tensor } from './keras/types';
import { ImportError, type FormatReader, type ImportFile } from './types';

const baseName = (path: string): string => {
  const base = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(base);
  } catch {
    return base;
  }
};

/** One manifest group's shards, concatenated in order; refuses missing ones by name. */
function groupBytes(paths: unknown, siblings: readonly ImportFile[], fileName: string): Uint8Array {
  if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string')) {
    throw new ImportError(`${fileName}: weightsManifest has a group without a list of paths.`);
  }
  const shards = paths.map((p: string) => siblings.find((f) => baseName(f.name) === baseName(p)));
  const missing = paths.filter((_, k) => !shards[k]);
  if (missing.length > 0) {
    throw new ImportError(
      `${fileName}: a TF.js model whose weight shards are missing: ${missing.join(', ')}. Drop model.json together with all of its shard files.`,
    );
  }
  const total = shards.reduce((n, s) => n + (s as ImportFile).bytes.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const s of shards as ImportFile[]) {
    out.set(s.bytes, at);
    at += s.bytes.length;
  }
  return out;
}

/** Every weight the manifest lists, read from its group's bytes as float64. */
function readWeights(
  manifest: unknown,
  siblings: readonly ImportFile[],
  fileName: string,
): Tensor[] {
  if (!Array.isArray(manifest))
    throw new ImportError(`${fileName}: a TF.js model.json without a weightsManifest list.`);
  const tensors: Tensor[] = [];
  for (const group of manifest) {
    if (!isRecord(group) || !Array.isArray(group.weights)) {
      throw new ImportError(`${fileName}: weightsManifest has a group without weights.`);
    }
    const bytes = groupBytes(group.paths, siblings, fileName);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let offset = 0;
    for (const w of group.weights as unknown[]) {
      if (!isRecord(w) || typeof w.name !== 'string' || !Array.isArray(w.shape)) {
        throw new ImportError(
          `${fileName}: weightsManifest has an entry without a name or a shape.`,
        );
      }
      const shape = w.shape as unknown[];
      const count = shape.reduce<number>(
        (n, d) => n * (Number.isInteger(d) && (d as number) >= 0 ? (d as number) : NaN),
        1,
      );
      if (!Number.isSafeInteger(count)) {
        throw new ImportError(
          `${fileName}: weight '${w.name}' has shape ${JSON.stringify(shape)}, not a size.`,
        );
      }
      if (isRecord(w.quantization)) {
        throw new ImportError(
          `${fileName}: weight '${w.name}' is quantized (${String(w.quantization.dtype)}); the importer reads float32 weights only, since dequantized values are not the trained ones. Convert the model without quantization.`,
        );
      }
      if (w.dtype !== 'float32') {
        throw new ImportError(
          `${fileName}: weight '${w.name}' has dtype ${String(w.dtype)}; the importer reads float32 weights only.`,
        );
      }
      if (offset + count * 4 > bytes.length) {
        throw new ImportError(
          `${fileName}: the weight shards hold ${bytes.length} bytes, but the manifest needs more for '${w.name}' (at byte ${offset}, ${count * 4} bytes): a shard is truncated or does not belong to this model.`,
        );
      }
      const data = new Float64Array(count);
      for (let k = 0; k < count; k++) data[k] = view.getFloat32(offset + 4 * k, true);
      offset += count * 4;
      tensors.push({ name: w.name, shape: shape as number[], data });
    }
  }
  return tensors;
}

/** Reads a TF.js Layers model.json with its shards: one ImportedModel per recurrent stack. */
export const readTfjs: FormatReader = async (file, siblings) => {
  const json = parseJson(new TextDecoder().decode(file.bytes), file.name, 'model.json');
  if (!isRecord(json) || !isRecord(json.modelTopology)) {
    throw new ImportError(
      `${file.name}: not a TF.js Layers model: no modelTopology (a graph model from the TF.js converter has no Keras layers to read).`,
    );
  }
  const topology = json.modelTopology;
  const config = readModelConfig(topology, file.name, 'modelTopology');
  const weights = readWeights(json.weightsManifest, siblings, file.name);
  const layers: KerasLayer[] = config.layers.map((layer) => ({
    ...layer,
    weights: weights.filter((w) => w.name.split('/')[0] === layer.name),
  }));
  const version = typeof topology.keras_version === 'string' ? topology.keras_version : '';
  return buildModels({
    fileName: file.name,
    format: `TensorFlow.js model.json${version ? ` (${version})` : ''}`,
    // TF.js defines hard_sigmoid as Keras 2 did, whatever wrote the file.
    kerasMajor: 2,
    kerasVersion: /^\d/.test(version) ? version : '',
    hasConfig: true,
    layers,
  });
};
