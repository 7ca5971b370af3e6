/**
 * Keras legacy HDF5 files (`model.save('m.h5')` in Keras 2 and 3, and `save_weights()`):
 * the architecture in the `model_config` attribute, each layer's weights in the group of
 * its name, listed by the group's `weight_names` attribute. The weight paths differ by
 * version (`gru_1/kernel:0`, `gru/gru_cell/kernel:0`, `sequential_2/gru/gru_cell/kernel`),
 * so only `weight_names` is trusted.
 */
import { ImportError } from '../types';
import { parseJson, readModelConfig } from './config';
import type { H5File } from './h5';
import { inferLayer } from './infer';
import type { KerasLayer, KerasSource, Tensor } from './types';

/** A layer group's weights, in its `weight_names` order ([] when the group is absent). */
function layerWeights(h5: H5File, root: string, layer: string): Tensor[] {
  const group = root ? `${root}/${layer}` : layer;
  if (!h5.isGroup(group)) return [];
  const names = h5.stringsAttr(group, 'weight_names') ?? [];
  return names.map((name) => h5.tensor(`${group}/${name}`, name));
}

/** The major version of a Keras version string: 3 for '3.x', otherwise 2. */
export function kerasMajorOf(version: string): 2 | 3 {
  return /^3\./.test(version) ? 3 : 2;
}

/**
 * Reads a legacy Keras .h5 into layers with their weights. Refuses an HDF5 file that is
 * neither a saved model nor a `save_weights()` file, and a Keras 3 weights-only file
 * (whose layer groups are named by class, so without the config nothing can be matched).
 */
export function readLegacyH5(h5: H5File): KerasSource {
  const { fileName } = h5;
  const modelConfig = h5.stringAttr('', 'model_config');
  const root = h5.isGroup('model_weights') ? 'model_weights' : '';
  const kerasVersion =
    h5.stringAttr('', 'keras_version') ?? h5.stringAttr(root, 'keras_version') ?? '';
  const kerasMajor = kerasMajorOf(kerasVersion);
  if (modelConfig !== null) {
    const config = readModelConfig(
      parseJson(modelConfig, fileName, 'model_config'),
      fileName,
      'model_config',
    );
    const layers: KerasLayer[] = config.layers.map((layer) => ({
      ...layer,
      weights: layerWeights(h5, root, layer.name),
    }));
    return {
      fileName,
      format: `Keras ${kerasVersion || '(version not recorded)'} .h5`,
      kerasMajor,
      kerasVersion,
      hasConfig: true,
      layers,
    };
  }
  const layerNames = h5.stringsAttr(root, 'layer_names');
  if (layerNames !== null) {
    const layers = layerNames.map((name) =>
      inferLayer(name, layerWeights(h5, root, name), fileName),
    );
    return {
      fileName,
      format: `Keras ${kerasVersion || '(version not recorded)'} .h5 from save_weights() (no architecture)`,
      kerasMajor,
      kerasVersion,
      hasConfig: false,
      layers,
    };
  }
  if (h5.isGroup('layers') && h5.isGroup('vars')) {
    throw new ImportError(
      `${fileName}: a Keras 3 weights file (save_weights / model.weights.h5) without its config: its layers are named by class, not by the model's names, so they cannot be matched. Load the .keras file instead.`,
    );
  }
  const top = h5.keys('').slice(0, 8).join(', ');
  throw new ImportError(
    `${fileName}: an HDF5 file, but not a Keras model: no model_config and no layer_names attribute (top-level entries: ${top || 'none'}).`,
  );
}
