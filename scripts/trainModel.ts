/**
 * Trains one row of the model plan (./modelPlan.ts) and makes its model file: Adam on
 * fresh mini-batches with gradient clipping, parameters rounded to 6 significant digits,
 * then the metrics measured on the rounded model with fresh sequences from another seed.
 * Pure computation (no files, no clock in the result), so the same row gives the same
 * file byte for byte.
 */
import {
  evaluate,
  headToStateDict,
  initParams,
  makeTask,
  toStateDict,
  train,
  type Head,
  type Model,
  type StateDict,
  type Task,
} from '../src/engine';
import { MODEL_FORMAT, parseModelFile, type ModelFile } from '../src/io/modelFile';
import type { ModelRun } from './modelPlan';

/** Significant digits kept in the files. */
const DIGITS = 6;

/** `v` to 6 significant digits (−0 becomes 0), so files stay small. */
export function round6(v: number): number {
  const r = Number(v.toPrecision(DIGITS));
  return r === 0 ? 0 : r;
}

/**
 * The starting parameters of a run: `initParams` with the run's scheme, weight scale, LSTM
 * forget bias and GRU update bias.
 */
export function initialParams(run: ModelRun): StateDict {
  const { spec, training } = run;
  const { scheme, weightScale, forgetBias, updateBias } = training.init;
  return initParams(spec, { seed: training.seed, scheme, weightScale, forgetBias, updateBias });
}

/** Trains `run` with the engine's `train`, from {@link initialParams}. */
export function trainRun(
  run: ModelRun,
  task: Task,
  onEpoch?: (epoch: number, loss: number) => void,
): { model: Model; head: Head; curve: number[] } {
  const { spec, training } = run;
  return train(spec, task, {
    seed: training.seed,
    epochs: training.epochs,
    batchesPerEpoch: training.batchesPerEpoch,
    batchSize: training.batchSize,
    learningRate: training.learningRate,
    clipNorm: training.clipNorm,
    initialParams: initialParams(run),
    ...(onEpoch ? { onEpoch } : {}),
  });
}

/** Every number of a state_dict rounded to 6 significant digits. */
function roundParams(dict: StateDict): StateDict {
  const out: StateDict = {};
  for (const [name, value] of Object.entries(dict)) {
    out[name] = (value as (number | number[])[]).map((v) =>
      Array.isArray(v) ? v.map(round6) : round6(v),
    ) as number[] | number[][];
  }
  return out;
}

/**
 * Trains `run` and returns its model file: rounded parameters, and metrics measured on
 * the model rebuilt from them (through `parseModelFile`, as the app will load it).
 */
export function makeModelFile(
  run: ModelRun,
  onEpoch?: (epoch: number, loss: number) => void,
): ModelFile {
  const task = makeTask(run.task, run.taskParams);
  const trained = trainRun(run, task, onEpoch);
  const draft: ModelFile = {
    format: MODEL_FORMAT,
    id: run.id,
    title: run.title,
    spec: run.spec,
    params: roundParams({ ...toStateDict(trained.model), ...headToStateDict(trained.head) }),
    task: { name: task.name, ...task.params },
    metrics: { accuracy: 0, loss: 0, chance: task.chance, samples: 1, seed: run.evalSeed },
    curve: trained.curve.map(round6),
    training: run.training,
  };
  const { model, head } = parseModelFile(draft);
  const scored = evaluate(model, head, task, { seed: run.evalSeed, count: run.evalSamples });
  return {
    ...draft,
    metrics: {
      accuracy: round6(scored.accuracy),
      loss: round6(scored.loss),
      chance: round6(task.chance),
      samples: run.evalSamples,
      seed: run.evalSeed,
    },
  };
}

/**
 * A model file as JSON text: two-space indentation, but each parameter row and the curve
 * on one line, so that files stay small and diffs show which rows changed.
 */
export function modelFileJson(file: ModelFile): string {
  const params = Object.entries(file.params).map(([name, value]) => {
    const body = value.every((v): v is number[] => Array.isArray(v))
      ? `[\n${value.map((row) => `      ${JSON.stringify(row)}`).join(',\n')}\n    ]`
      : JSON.stringify(value);
    return `    ${JSON.stringify(name)}: ${body}`;
  });
  const top = Object.entries(file).map(([key, value]) => {
    if (key === 'params') return `  "params": {\n${params.join(',\n')}\n  }`;
    if (key === 'curve') return `  "curve": ${JSON.stringify(value)}`;
    return `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}`;
  });
  return `{\n${top.join(',\n')}\n}\n`;
}
