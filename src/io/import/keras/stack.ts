/**
 * A Keras model's recurrent layers grouped into the importer's models: consecutive layers
 * that chain (one reads the other's whole sequence, sizes and options agree) become the
 * layers of one model; an Embedding feeding the first becomes its embedding, and a Dense
 * reading the last becomes its head.
 */
import type { ModelSpec, StateDict } from '../../../engine';
import { ImportError, type ImportedModel } from '../types';
import { convertRecurrent, isRecurrentClass, type RecurrentLayer } from './recurrent';
import { allFinite, type KerasLayer, type KerasSource } from './types';

/**
 * The class given to a weightless layer of a `save_weights()` file (its class is not
 * recorded); such layers are assumed to pass the sequence on, and the notes say so.
 */
export const WEIGHTLESS = '(weightless layer)';

/** Layers that pass their input through unchanged at inference. */
const IDENTITY = new Set([
  WEIGHTLESS,
  'Dropout',
  'SpatialDropout1D',
  'GaussianNoise',
  'GaussianDropout',
  'AlphaDropout',
  'ActivityRegularization',
]);

/** The index of the layer whose output layer `k` reads, or -1 (none, several, shared). */
function producerOf(layers: readonly KerasLayer[], k: number, byName: Map<string, number>): number {
  const layer = layers[k] as KerasLayer;
  if (layer.inbound === null) return k - 1;
  if (layer.inbound.length !== 1) return -1;
  return byName.get(layer.inbound[0] as string) ?? -1;
}

/** Like {@link producerOf}, looking through layers that change nothing at inference. */
function sourceOf(layers: readonly KerasLayer[], k: number, byName: Map<string, number>): number {
  let p = producerOf(layers, k, byName);
  for (let hops = 0; p >= 0 && hops < layers.length; hops++) {
    if (!IDENTITY.has((layers[p] as KerasLayer).className)) return p;
    p = producerOf(layers, p, byName);
  }
  return -1;
}

/** Whether `next` can run as the layer above `prev` in one engine model. */
function chains(prev: RecurrentLayer, next: RecurrentLayer): boolean {
  return (
    prev.returnSequences &&
    !prev.goBackwards &&
    !next.goBackwards &&
    prev.cell === next.cell &&
    prev.nonlinearity === next.nonlinearity &&
    prev.convention === next.convention &&
    prev.recurrentActivation === next.recurrentActivation &&
    prev.bidirectional === next.bidirectional &&
    prev.hiddenSize === next.hiddenSize &&
    next.inputSize === prev.hiddenSize * (prev.bidirectional ? 2 : 1)
  );
}

/** A dense layer's kernel [in][out] and bias [out], when `layer` is a Dense (or TimeDistributed Dense). */
function denseWeights(
  layer: KerasLayer,
  inSize: number,
): { weight: number[][]; bias: number[] } | null {
  const inner =
    layer.className === 'TimeDistributed'
      ? (layer.config.layer as { class_name?: unknown } | undefined)
      : null;
  if (layer.className !== 'Dense' && inner?.class_name !== 'Dense') return null;
  const [kernel, bias] = layer.weights;
  if (!kernel || kernel.shape.length !== 2 || kernel.shape[0] !== inSize) return null;
  const O = kernel.shape[1] as number;
  if (bias && (bias.shape.length !== 1 || bias.shape[0] !== O)) return null;
  if (!allFinite(kernel.data) || (bias && !allFinite(bias.data))) return null;
  const weight: number[][] = [];
  for (let o = 0; o < O; o++) {
    const row = new Array<number>(inSize);
    for (let i = 0; i < inSize; i++) row[i] = kernel.data[i * O + o] as number;
    weight.push(row);
  }
  return { weight, bias: bias ? Array.from(bias.data) : new Array<number>(O).fill(0) };
}

/** The activation a Dense config names ('linear' when none). */
function denseActivation(layer: KerasLayer): string {
  const config =
    (layer.className === 'TimeDistributed'
      ? (layer.config.layer as { config?: Record<string, unknown> })?.config
      : layer.config) ?? {};
  const a = config.activation;
  return typeof a === 'string' ? a : 'linear';
}

/**
 * Every recurrent stack of a Keras model as an ImportedModel, in file order. Throws an
 * ImportError naming the file when a recurrent layer cannot be converted exactly, or
 * when there is none.
 */
export function buildModels(source: KerasSource): ImportedModel[] {
  const { layers } = source;
  const byName = new Map(layers.map((l, k) => [l.name, k]));
  const stacks: { indices: number[]; converted: RecurrentLayer[] }[] = [];
  for (let k = 0; k < layers.length; k++) {
    const layer = layers[k] as KerasLayer;
    if (!isRecurrentClass(layer.className)) continue;
    const converted = convertRecurrent(layer, source);
    const from = sourceOf(layers, k, byName);
    const open = stacks.find((s) => s.indices[s.indices.length - 1] === from);
    const last = open?.converted[open.converted.length - 1];
    if (open && last && chains(last, converted)) {
      open.indices.push(k);
      open.converted.push(converted);
    } else stacks.push({ indices: [k], converted: [converted] });
  }
  if (stacks.length === 0) {
    const classes = [...new Set(layers.map((l) => l.className))].join(', ');
    throw new ImportError(
      `${source.fileName}: a ${source.format} file, but no recurrent layer (LSTM, GRU, SimpleRNN, Bidirectional) in it; layers: ${classes || 'none'}.`,
    );
  }
  return stacks.map(({ indices, converted }) => toModel(source, indices, converted, byName));
}

function toModel(
  source: KerasSource,
  indices: number[],
  converted: RecurrentLayer[],
  byName: Map<string, number>,
): ImportedModel {
  const { layers } = source;
  const first = converted[0] as RecurrentLayer;
  const L = converted.length;
  const spec: ModelSpec = {
    cell: first.cell,
    inputSize: first.inputSize,
    hiddenSize: first.hiddenSize,
    numLayers: L,
    ...(first.nonlinearity ? { nonlinearity: first.nonlinearity } : {}),
    ...(first.convention ? { convention: first.convention } : {}),
    ...(first.bidirectional ? { bidirectional: true } : {}),
    ...(first.recurrentActivation ? { recurrentActivation: first.recurrentActivation } : {}),
  };
  const params: StateDict = {};
  converted.forEach((layer, l) => {
    layer.directions.forEach((d, dir) => {
      const suffix = `_l${l}${dir === 1 ? '_reverse' : ''}`;
      params[`weight_ih${suffix}`] = d.weight_ih;
      params[`weight_hh${suffix}`] = d.weight_hh;
      params[`bias_ih${suffix}`] = d.bias_ih;
      params[`bias_hh${suffix}`] = d.bias_hh;
    });
  });
  const notes = converted.map((c) => c.note);
  if (L > 1) {
    notes.unshift(
      `Keras layers ${converted.map((c) => `'${c.name}'`).join(', ')} chain (each reads the whole sequence of the one before): one ${L}-layer model, layer k = the k-th of them.`,
    );
  }
  if (!source.hasConfig) {
    notes.unshift(
      "The file was written by save_weights(): it has no architecture. Layers were inferred from their names and weight shapes, in the file's order; consecutive ones whose sizes chain are assumed to feed each other.",
    );
  }
  const model: ImportedModel = {
    name: converted.map((c) => c.name).join(', '),
    spec,
    params,
    assumed: [...new Set(converted.flatMap((c) => c.assumed))],
    format: source.format,
    notes,
    ...(first.goBackwards ? { goBackwards: true } : {}),
  };
  const from = sourceOf(layers, indices[0] as number, byName);
  const producer = layers[from];
  if (producer?.className === 'Embedding') {
    const [table] = producer.weights;
    if (
      table &&
      table.shape.length === 2 &&
      table.shape[1] === first.inputSize &&
      allFinite(table.data)
    ) {
      const E = first.inputSize;
      const V = table.shape[0] as number;
      model.embedding = Array.from({ length: V }, (_, v) =>
        Array.from(table.data.subarray(v * E, (v + 1) * E)),
      );
      notes.push(`Embedding '${producer.name}': ${V} rows of ${E}, feeding layer 0.`);
      if (producer.config.mask_zero === true) {
        notes.push(
          'The embedding has mask_zero=True: Keras skipped the steps of token 0 (keeping the state); Gatescope runs every step.',
        );
      }
    }
  }
  const lastIndex = indices[L - 1] as number;
  const last = converted[L - 1] as RecurrentLayer;
  const outSize = last.hiddenSize * (last.bidirectional ? 2 : 1);
  for (let k = lastIndex + 1; k < layers.length; k++) {
    const dense = layers[k] as KerasLayer;
    if (IDENTITY.has(dense.className) || sourceOf(layers, k, byName) !== lastIndex) continue;
    const head = denseWeights(dense, outSize);
    if (head) {
      model.head = head;
      notes.push(
        `Read-out: Keras ${dense.className} '${dense.name}', kernel [${outSize}][${head.bias.length}] transposed to weight [${head.bias.length}][${outSize}]; activation ${source.hasConfig ? denseActivation(dense) : 'unknown (not in the file)'}${last.returnSequences ? '' : '; the model applied it to the last step only'}.`,
      );
    }
    break;
  }
  return model;
}
