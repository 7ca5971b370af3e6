/** A valid model file and ways to damage its parsed JSON, shared by the model-file tests. */
import { headToStateDict, initHead, initParams, type FullModelSpec } from '../../src/engine';
import { MODEL_FORMAT, type ModelFile } from '../../src/io/modelFile';

export const SPEC: FullModelSpec = {
  cell: 'lstm',
  inputSize: 1,
  hiddenSize: 3,
  numLayers: 1,
  nonlinearity: 'tanh',
  convention: 'pytorch',
  bidirectional: false,
  projSize: 0,
  recurrentActivation: 'sigmoid',
};

/** A valid file: a small LSTM with a head for remember-first at T = 5. */
export function validFile(): ModelFile {
  return {
    format: MODEL_FORMAT,
    id: 'remember-first-5-lstm',
    title: 'LSTM remembering the first input, T = 5',
    spec: { ...SPEC },
    params: {
      ...initParams(SPEC, { seed: 3, forgetBias: 1 }),
      ...headToStateDict(initHead(2, 3, 4)),
    },
    task: { name: 'remember-first', length: 5, noise: 1 },
    metrics: { accuracy: 0.75, loss: 0.5, chance: 0.5, samples: 1000, seed: 11 },
    curve: [0.7, 0.6, 0.5],
    training: {
      seed: 1,
      epochs: 3,
      batchesPerEpoch: 10,
      batchSize: 16,
      learningRate: 0.01,
      clipNorm: 1,
      init: { scheme: 'pytorch', weightScale: 1, forgetBias: 1, updateBias: 0 },
    },
  };
}

/** A key path into parsed JSON: ['params', 'weight_hh_l0', 0, 1]. */
export type Path = readonly (string | number)[];
type Node = Record<string | number, unknown>;

/** The object or array holding the last key of `path`. */
function parentOf(json: unknown, path: Path): Node {
  return path.slice(0, -1).reduce<Node>((node, key) => node[key] as Node, json as Node);
}
const last = (path: Path) => path[path.length - 1]!;
export const get = (json: unknown, path: Path) => parentOf(json, path)[last(path)];
export const put = (json: unknown, path: Path, value: unknown) => {
  parentOf(json, path)[last(path)] = value;
};
export const drop = (json: unknown, ...paths: Path[]) => {
  for (const path of paths) delete parentOf(json, path)[last(path)];
};
export const rows = (json: unknown, path: Path) => get(json, path) as unknown[][];

/** The valid file, through JSON, with `change` applied to the parsed copy. */
export function edited(change: (file: unknown) => void): unknown {
  const json: unknown = JSON.parse(JSON.stringify(validFile()));
  change(json);
  return json;
}
