/**
 * Training speed: one Adam step (a fresh mini-batch, forward, loss, backpropagation
 * through time, gradient clipping, the update) of the batched engine (`Trainer.step`),
 * of the per-sample path it replaced (`lossAndGradients` per batch, as `train` ran before),
 * and of tfjs-layers' `trainOnBatch` (cpu backend, float32, same process, same shapes;
 * its batch is made once, it does not clip). Medians after warm-up; printed, never
 * asserted. `npx tsx bench/training.ts` runs this section alone.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {
  Adam,
  clipGradNorm,
  lossAndGradients,
  makeTask,
  paramLayout,
  Random,
  Trainer,
  unflattenParams,
  type CellType,
  type ModelSpec,
  type Sample,
} from '../src/engine';
import { medianMs } from '../src/calibration';
import { setupTfjs } from '../tests/engine/tfjs-oracle';

/** The benchmarked shapes: remember-first (one input, two classes), H=8, T=50, batch 32. */
const H = 8;
const T = 50;
const BATCH = 32;
const LEARNING_RATE = 0.01;
/** Issue 15's targets for one batched step, ms: LSTM, GRU, RNN (2× faster than PyTorch 1.13). */
const TARGET_MS: Record<CellType, number> = { lstm: 3.9, gru: 2.5, rnn: 0.9 };

/** The same step as `train` took before the batched engine: per-sample gradients. */
function perSampleStepper(spec: ModelSpec, trainer: Trainer): () => void {
  const task = trainer.task;
  const layout = paramLayout(spec, task.outputSize);
  const theta = trainer.snapshot().theta;
  const adam = new Adam(layout.size, { lr: LEARNING_RATE });
  const data = new Random(2);
  return () => {
    const batch: Sample[] = [];
    for (let n = 0; n < BATCH; n++) batch.push(task.sample(data));
    const { model, head } = unflattenParams(layout, theta);
    const { grad } = lossAndGradients(model, head, task.loss, batch);
    clipGradNorm(grad, 1);
    adam.step(theta, grad);
  };
}

/** Median ms of an awaited `fn` over `runs` calls after `warmup` ones. */
async function medianAsyncMs(fn: () => Promise<unknown>, runs: number, warmup: number) {
  for (let i = 0; i < warmup; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return ms[ms.length >> 1]!;
}

/** Median ms of tfjs-layers' `trainOnBatch` on a cell of H units with a dense softmax read-out. */
async function tfjsStepMs(cell: CellType, samples: readonly Sample[]): Promise<number> {
  // glorotUniform: the default orthogonal initializer needs tfjs's chained ops, which plain
  // Node cannot load (see tests/engine/tfjs-oracle.ts).
  const common = {
    units: H,
    inputShape: [T, 1],
    recurrentInitializer: 'glorotUniform' as const,
  };
  const recurrent =
    cell === 'lstm'
      ? tfl.layers.lstm({ ...common, recurrentActivation: 'sigmoid' })
      : cell === 'gru'
        ? tfl.layers.gru({ ...common, recurrentActivation: 'sigmoid' })
        : tfl.layers.simpleRNN({ ...common, activation: 'tanh' });
  const model = tfl.sequential({
    layers: [recurrent, tfl.layers.dense({ units: 2, activation: 'softmax' })],
  });
  model.compile({ optimizer: tf.train.adam(LEARNING_RATE), loss: 'categoricalCrossentropy' });
  const xs = tf.tensor3d(samples.map((s) => s.xs));
  const ys = tf.tensor2d(samples.map((s) => s.targets[0]!));
  try {
    return await medianAsyncMs(() => model.trainOnBatch(xs, ys), 41, 5);
  } finally {
    xs.dispose();
    ys.dispose();
    model.dispose();
  }
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
const perSecond = (ms: number) => (1000 / ms).toFixed(0);

/** Batched ms per step, by cell, as printed by {@link reportTrainingBench}. */
export type TrainingBenchFigures = Record<CellType, number>;

/**
 * Prints a Markdown table, per cell (LSTM, GRU `pytorch`, tanh RNN), of one training
 * step's median time and steps per second: batched, per-sample, tfjs `trainOnBatch`,
 * with the ratios and issue 15's targets. Takes about half a minute.
 */
export async function reportTrainingBench(): Promise<TrainingBenchFigures> {
  await setupTfjs();
  const task = makeTask('remember-first', { length: T });
  console.log(
    `\n## Training step (remember-first, I=1, H=${H}, T=${T}, batch ${BATCH}, Adam; median ms after warm-up)\n`,
  );
  console.log(
    '| cell | batched ms (steps/s) | per-sample ms (steps/s) | tfjs trainOnBatch ms (steps/s) | batched vs per-sample | batched vs tfjs | target |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const cells = ['lstm', 'gru', 'rnn'] as const;
  const trainers = cells.map(
    (cell) =>
      new Trainer({ cell, inputSize: 1, hiddenSize: H, numLayers: 1 }, task, {
        seed: 1,
        batchSize: BATCH,
        learningRate: LEARNING_RATE,
      }),
  );
  // The batched steps first, before tfjs and the per-sample path fill the heap.
  const figures = {} as TrainingBenchFigures;
  trainers.forEach((trainer, k) => {
    figures[cells[k]!] = medianMs(() => trainer.step(), 301, 30);
  });
  for (const [k, cell] of cells.entries()) {
    const batched = figures[cell];
    const perSample = medianMs(perSampleStepper(trainers[k]!.spec, trainers[k]!), 41, 5);
    const data = new Random(3);
    const samples = Array.from({ length: BATCH }, () => task.sample(data));
    const tfjs = await tfjsStepMs(cell, samples);
    const verdict = batched <= TARGET_MS[cell] ? 'meets' : 'MISSES';
    console.log(
      `| ${cell} | ${fmt(batched)} (${perSecond(batched)}) | ${fmt(perSample)} (${perSecond(perSample)}) | ${fmt(tfjs)} (${perSecond(tfjs)}) | ${(perSample / batched).toFixed(1)}× | ${(tfjs / batched).toFixed(1)}× | ≤ ${TARGET_MS[cell]} ms: ${verdict} |`,
    );
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) await reportTrainingBench();
