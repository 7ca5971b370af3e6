/**
 * Keras 3 `.keras` archives: a zip of `config.json`, `metadata.json` and
 * `model.weights.h5`. The weights file names each layer's group by its class in snake
 * case and its rank among layers of that class (`layers/gru`, `layers/gru_1`, …), not by
 * the config's names (`gru_3`, `gru_4`): the order of the config's layers is what matches
 * them, checked against the `name` attribute newer versions also write.
 */
import { ImportError } from '../types';
import { openZip } from '../zip';
import { parseJson, readModelConfig, type ConfigLayer } from './config';
import { H5File, messageOf } from './h5';
import { kerasMajorOf } from './legacy';
import type { KerasLayer, KerasSource, Tensor } from './types';

/** Keras's `to_snake_case` ('SimpleRNN' → 'simple_rnn', 'TimeDistributed' → 'time_distributed'). */
export function snakeCase(name: string): string {
  return name
    .replace(/\W+/g, '')
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** Children of a layer's weight group in Keras's weight order: own vars, then sub-layers. */
const CHILD_ORDER = ['cell', 'forward_layer', 'backward_layer', 'layer'];

/** A layer group's weights: `vars/0`, `vars/1`, … then its sub-layers' (cell, forward, backward). */
function groupWeights(h5: H5File, path: string, depth = 0): Tensor[] {
  if (depth > 4) return [];
  const out: Tensor[] = [];
  const vars = `${path}/vars`;
  const indices = h5
    .keys(vars)
    .filter((k) => /^\d+$/.test(k))
    .sort((a, b) => Number(a) - Number(b));
  for (const k of indices) out.push(h5.tensor(`${vars}/${k}`, `${vars}/${k}`));
  const children = h5.keys(path).filter((k) => k !== 'vars' && h5.isGroup(`${path}/${k}`));
  const ranked = [
    ...CHILD_ORDER.filter((c) => children.includes(c)),
    ...children.filter((c) => !CHILD_ORDER.includes(c)).sort(),
  ];
  for (const child of ranked) out.push(...groupWeights(h5, `${path}/${child}`, depth + 1));
  return out;
}

/** Each config layer's weight group: by class and rank, or by its recorded name if they disagree. */
function weightGroups(
  h5: H5File,
  layers: readonly ConfigLayer[],
  sequential: boolean,
): (string | null)[] {
  const seen = new Map<string, number>();
  const byName = new Map<string, string>();
  for (const key of h5.keys('layers')) {
    const recorded = h5.stringAttr(`layers/${key}/vars`, 'name');
    if (recorded !== null) byName.set(recorded, `layers/${key}`);
  }
  return layers.map((layer, k) => {
    // A Sequential model's input layer is no member of its `layers`.
    if (sequential && k === 0 && layer.className === 'InputLayer') return null;
    const snake = snakeCase(layer.className);
    const rank = seen.get(snake) ?? 0;
    seen.set(snake, rank + 1);
    const path = `layers/${rank === 0 ? snake : `${snake}_${rank}`}`;
    const recorded = h5.stringAttr(`${path}/vars`, 'name');
    if (recorded === null || recorded === layer.name) return h5.isGroup(path) ? path : null;
    return byName.get(layer.name) ?? null;
  });
}

/** Reads a `.keras` archive into layers with their weights. */
export async function readKerasArchive(fileName: string, bytes: Uint8Array): Promise<KerasSource> {
  // The shared zip reader: declared sizes capped (zip bombs), CRC-checked, stored entries as views.
  const entries: Record<string, Uint8Array | undefined> = {};
  try {
    const zip = openZip(bytes);
    for (const name of ['config.json', 'metadata.json', 'model.weights.h5']) {
      const entry = zip.find(name);
      if (entry) entries[name] = zip.read(entry);
    }
  } catch (error) {
    throw new ImportError(`${fileName}: the .keras archive is damaged: ${messageOf(error)}.`);
  }
  const config = entries['config.json'];
  const weights = entries['model.weights.h5'];
  if (!config || !weights) {
    throw new ImportError(
      `${fileName}: a zip, but not a Keras 3 .keras archive: ${!config ? 'config.json' : 'model.weights.h5'} is missing.`,
    );
  }
  const text = new TextDecoder().decode(config);
  const json = parseJson(text, fileName, 'the .keras archive is damaged: config.json');
  let kerasVersion = '';
  const meta = entries['metadata.json'];
  if (meta) {
    const m = parseJson(new TextDecoder().decode(meta), fileName, 'metadata.json') as {
      keras_version?: unknown;
    } | null;
    if (m && typeof m.keras_version === 'string') kerasVersion = m.keras_version;
  }
  const model = readModelConfig(json, fileName, 'config.json');
  const h5 = await H5File.open(weights, fileName, 'model.weights.h5 inside the .keras archive');
  const groups = weightGroups(h5, model.layers, model.className === 'Sequential');
  const layers: KerasLayer[] = model.layers.map((layer, k) => {
    const group = groups[k];
    return { ...layer, weights: group ? groupWeights(h5, group) : [] };
  });
  return {
    fileName,
    format: `Keras ${kerasVersion || '3'} .keras`,
    kerasMajor: kerasVersion ? kerasMajorOf(kerasVersion) : 3,
    kerasVersion,
    hasConfig: true,
    layers,
  };
}
