/** A model trained here on a pasted table (a GRU reading x and z, predicting y), for the tests of numbers models. */
import { headToStateDict, initHead, initParams, numbersTask, Random } from '../../src/engine';
import type { ModelFile } from '../../src/io/modelFile';
import { trainedHereModel } from '../../src/store/trainedHere';
import { DEFAULT_TRAIN_SETTINGS } from '../../src/store/trainingSlice';

/** The model's id. */
export const NUMBERS_MODEL_ID = 'numbers-6-gru-here-abc1234';
const rng = new Random(8);
const x = Array.from({ length: 40 }, () => rng.uniform(-2, 2));
const z = Array.from({ length: 40 }, () => rng.uniform(0, 10));
/** Rows [x, z, y]: y = x one row back plus a tenth of z. */
export const ROWS = x.map((v, t) => [v, z[t]!, (x[t - 1] ?? 0) + z[t]! / 10]);
/** The table, y the target. */
export const TABLE = { columns: ['x', 'z', 'y'], rows: ROWS, targets: [2] };

/** The model file, T = 6, one unscored first step. */
export function trainedFile(): ModelFile {
  const task = numbersTask(TABLE, { length: 6, warmup: 1 });
  const spec = { cell: 'gru', inputSize: 2, hiddenSize: 3, numLayers: 1 } as const;
  const params = { ...initParams(spec, { seed: 2 }), ...headToStateDict(initHead(1, 3, 9)) };
  return trainedHereModel(
    NUMBERS_MODEL_ID,
    { step: 30, params },
    { ...DEFAULT_TRAIN_SETTINGS, task: 'numbers', length: 6, warmup: 1, targets: [2] },
    task,
    { spec, init: 'pytorch', weightScale: 1, forgetBias: 0, updateBias: 1 },
    [0.9, 0.5],
    { step: 30, loss: 0.4, accuracy: 0.5 },
  ).file;
}
