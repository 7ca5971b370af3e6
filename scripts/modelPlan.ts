/**
 * The shipped trained models as one table: which task, length and cell, and how each is
 * trained. `npm run train-models` (./train-models.ts) trains every row; a row's id is its
 * file name in public/models/. Edit a recipe here, rerun, commit the files.
 *
 * The three cells of one task and length share everything (seed, data, steps, optimiser,
 * init scheme); the gated cells differ only in the bias of their "keep" gate: the LSTM's
 * forget gate (forgetBias) and the GRU's update gate (updateBias), both set so that σ(b)
 * keeps most of the state at the start, as the literature recommends (Gers et al. 2000;
 * Jozefowicz et al. 2015; Tallec & Ollivier 2018). The RNN has no gate to bias.
 */
import { makeTask, type CellType, type ModelSpec, type TaskName } from '../src/engine';
import type { ModelInit, ModelTraining } from '../src/io/modelFile';

/** One model to train: what the file will say before training, minus the results. */
export interface ModelRun {
  /** File name without .json: `${task}-${length}-${cell}` plus an optional suffix. */
  id: string;
  title: string;
  task: TaskName;
  /** The task generator's parameters (`makeTask`); always includes `length`. */
  taskParams: Record<string, number>;
  spec: ModelSpec & Required<Pick<ModelSpec, 'nonlinearity' | 'convention'>>;
  training: Omit<ModelTraining, 'seconds'>;
  /** Fresh sequences scored for the metrics, and the seed they are drawn from. */
  evalSamples: number;
  evalSeed: number;
}

/** How one task is trained, for every cell and length. */
interface Recipe {
  hiddenSize: number;
  epochs: number;
  batchesPerEpoch: number;
  batchSize: number;
  learningRate: number;
  clipNorm: number;
  scheme: ModelInit['scheme'];
  /** σ(keepBias) of the LSTM forget gate and the GRU update gate at the start. */
  keepBias: number;
}

/** One seed for everything: the runs of a task differ in cell and length only. */
const SEED = 1;
/** The metrics' sequences come from another seed than training's. */
const EVAL_SEED = 1_000_001;
/** Sequences the metrics score (each scored at one or at every step). */
const EVAL_SAMPLES = 2000;

const CELLS: readonly CellType[] = ['rnn', 'lstm', 'gru'];

const CELL_NAMES: Record<CellType, string> = { rnn: 'RNN', lstm: 'LSTM', gru: 'GRU' };

/** "… remembering the first input": what a model of each task does, for titles. */
const DOING: Record<TaskName, string> = {
  'remember-first': 'remembering the first input',
  adding: 'adding two marked numbers',
  'sine-next': 'predicting the next value of a sine wave',
  'next-char': 'predicting the next character',
  parity: 'tracking the parity of a bit stream',
};

/**
 * What every task shares. Adam at 0.01 with clipping at 1 converges in a few hundred steps
 * on these small models; orthogonal recurrent weights with zero biases keep the gradient's
 * size through time at the start for every cell (the best start a plain RNN can get), and
 * zero biases keep an LSTM's cell state from drifting into tanh's flat tails on long
 * sequences; a keep-gate bias of 3 (σ(3) ≈ 0.95) lets the gated cells carry a value across
 * 100 steps from the first update.
 */
const BASE: Recipe = {
  hiddenSize: 8,
  epochs: 40,
  batchesPerEpoch: 25,
  batchSize: 32,
  learningRate: 0.01,
  clipNorm: 1,
  scheme: 'orthogonal',
  keepBias: 3,
};

/**
 * Every task, its lengths and its recipe. 8 units suffice for one remembered sign, a sum,
 * a parity bit and a sine's phase; the adding problem and the sine wave need 60 epochs to
 * settle; next-char has 31 symbols and a poem to memorise, so 16 units and 60 epochs.
 */
const TABLE: readonly { task: TaskName; lengths: readonly number[]; recipe: Recipe }[] = [
  { task: 'remember-first', lengths: [5, 20, 50, 100], recipe: BASE },
  { task: 'adding', lengths: [20, 50], recipe: { ...BASE, epochs: 60 } },
  { task: 'sine-next', lengths: [40], recipe: { ...BASE, epochs: 60 } },
  { task: 'next-char', lengths: [40], recipe: { ...BASE, hiddenSize: 16, epochs: 60 } },
  { task: 'parity', lengths: [20], recipe: BASE },
];

/** The extra variants beside the table: a stacked LSTM for the lesson on deep RNNs. */
const EXTRAS: readonly { task: TaskName; length: number; cell: CellType; numLayers: number }[] = [
  { task: 'next-char', length: 40, cell: 'lstm', numLayers: 2 },
];

function run(
  task: TaskName,
  length: number,
  cell: CellType,
  recipe: Recipe,
  numLayers = 1,
): ModelRun {
  const suffix = numLayers > 1 ? `-${numLayers}layer` : '';
  const stacked = numLayers > 1 ? `${numLayers}-layer ` : '';
  return {
    id: `${task}-${length}-${cell}${suffix}`,
    title: `${stacked}${CELL_NAMES[cell]} ${DOING[task]}, T = ${length}`,
    task,
    taskParams: { length },
    spec: {
      cell,
      inputSize: makeTask(task, { length }).inputSize,
      hiddenSize: recipe.hiddenSize,
      numLayers,
      nonlinearity: 'tanh',
      convention: 'pytorch',
    },
    training: {
      seed: SEED,
      epochs: recipe.epochs,
      batchesPerEpoch: recipe.batchesPerEpoch,
      batchSize: recipe.batchSize,
      learningRate: recipe.learningRate,
      clipNorm: recipe.clipNorm,
      init: {
        scheme: recipe.scheme,
        weightScale: 1,
        forgetBias: cell === 'lstm' ? recipe.keepBias : 0,
        updateBias: cell === 'gru' ? recipe.keepBias : 0,
      },
    },
    evalSamples: EVAL_SAMPLES,
    evalSeed: EVAL_SEED,
  };
}

/** Every model `npm run train-models` trains, in table order. */
export const MODEL_PLAN: readonly ModelRun[] = [
  ...TABLE.flatMap(({ task, lengths, recipe }) =>
    lengths.flatMap((length) => CELLS.map((cell) => run(task, length, cell, recipe))),
  ),
  ...EXTRAS.map(({ task, length, cell, numLayers }) => {
    const recipe = TABLE.find((row) => row.task === task)!.recipe;
    return run(task, length, cell, recipe, numLayers);
  }),
];
