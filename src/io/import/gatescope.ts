/**
 * Gatescope's own JSON files: a model file (format "gatescope-model/1", checked by
 * `parseModelFile` exactly as when the page fetches one) or the PyTorch-named weights that
 * **Export weights** writes, whose spec is inferred from names and shapes.
 */
import { MODEL_FORMAT, parseModelFile } from '../modelFile';
import { isObject, kind } from '../modelFileRead';
import { inferWeights } from './gatescopeWeights';
import { ImportError, type FormatReader, type ImportFile, type ImportedModel } from './types';

/** The file's name without its extension: the model's name for exported weights. */
const baseName = (name: string) => name.replace(/^.*\//, '').replace(/\.[^.]*$/, '') || name;

function fromModelFile(file: ImportFile, json: unknown): ImportedModel {
  let loaded;
  try {
    loaded = parseModelFile(json);
  } catch (error) {
    throw new ImportError(
      `${file.name}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const { spec, params, id, title, task, metrics } = loaded.file;
  const { 'head.weight': weight, 'head.bias': bias, ...rnn } = params;
  const percent = (x: number) => `${(100 * x).toFixed(1)} %`;
  return {
    name: id,
    spec,
    params: rnn,
    head: { weight: weight as number[][], bias: bias as number[] },
    assumed: [],
    format: `Gatescope model file (${MODEL_FORMAT})`,
    notes: [
      `${title}: trained on the ${task.name} task; held-out accuracy ${percent(metrics.accuracy)} (chance ${percent(metrics.chance)}).`,
      "Already in the engine's PyTorch layout: nothing converted.",
      ...(task.name === 'numbers'
        ? [
            `It was trained on pasted numbers, each column standardised with its training rows' mean and standard deviation (the file's "task" records both); as an imported model it reads its ${spec.inputSize} input column${spec.inputSize === 1 ? '' : 's'} as given, so its answers mean something on standardised numbers only.`,
          ]
        : []),
    ],
  };
}

function fromWeights(file: ImportFile, json: Record<string, unknown>): ImportedModel {
  let inferred;
  try {
    inferred = inferWeights(json);
  } catch (error) {
    if (error instanceof ImportError) throw new ImportError(`${file.name}: ${error.message}`);
    throw error;
  }
  const { spec } = inferred;
  const model: ImportedModel = {
    name: baseName(file.name),
    spec,
    params: inferred.params,
    assumed: [],
    format: 'Gatescope weights JSON (PyTorch names)',
    notes: [
      `A ${spec.numLayers}-layer ${spec.cell.toUpperCase()}${spec.bidirectional ? ' (bidirectional)' : ''}, ${spec.inputSize} → ${spec.hiddenSize}, inferred from the names and shapes: already in PyTorch's layout, nothing converted.`,
    ],
  };
  if (spec.cell === 'rnn') {
    spec.nonlinearity = 'tanh';
    model.assumed.push('nonlinearity');
    model.notes.push('The file does not say whether the RNN uses tanh or relu: tanh assumed.');
  }
  if (spec.cell === 'gru') {
    spec.convention = 'pytorch';
    model.assumed.push('convention');
    model.notes.push(
      "The file does not say which GRU convention its weights were made for: PyTorch's assumed (classic is the other).",
    );
  }
  if (inferred.head) {
    model.head = inferred.head;
    model.notes.push(
      `Read-out "head.weight" [${inferred.head.weight.length}][${inferred.head.weight[0]?.length ?? 0}] and "head.bias".`,
    );
  }
  return model;
}

/**
 * Reads a Gatescope model file or an exported weights JSON. Rejects with an ImportError
 * naming the file: not JSON, a model file that fails `parseModelFile`'s checks, weights
 * with unknown keys or shapes that disagree, or JSON that is neither.
 */
export const readGatescopeJson: FormatReader = async (file) => {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file.bytes));
  } catch (error) {
    throw new ImportError(
      `${file.name}: expected JSON (a Gatescope model file or exported weights), but it does not parse: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  if (isObject(json) && 'format' in json) return [fromModelFile(file, json)];
  if (isObject(json) && Object.keys(json).some((k) => k.startsWith('weight_'))) {
    return [fromWeights(file, json)];
  }
  const keys = isObject(json)
    ? Object.keys(json)
        .slice(0, 6)
        .map((k) => JSON.stringify(k))
    : [];
  throw new ImportError(
    `${file.name}: JSON, but neither a Gatescope model file (no "format": "${MODEL_FORMAT}") nor exported weights (no weight_ih_l0 …)${keys.length > 0 ? `; keys: ${keys.join(', ')}` : `; it is ${kind(json)}`}.`,
  );
};
