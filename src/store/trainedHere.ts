/**
 * Models trained in this page: each is a Gatescope model file (the format of the shipped
 * models, so it runs, reads out and scores the same way) under an id that says where it
 * came from, `${task}-${T}-${cell}-here-xxxxxxx`. The registry of trained models
 * (./trainedModels.ts) holds the one a pane shows; this module builds those files, keeps
 * every session's snapshots for the training-time scrubber, and keeps finished models in
 * this browser (IndexedDB) so a reload, or a link opened here later, finds them.
 */
import type { CellType, ModelSpec, ModelTaskName, StateDict, Task } from '../engine';
import { ModelLoadError } from '../io/modelFetch';
import { MODEL_FORMAT, parseModelFile, type LoadedModel, type ModelFile } from '../io/modelFile';
import { taskRecord } from '../io/modelFileRead';
import type { InitScheme } from '../scene';
import type { HeldOut, TrainSettings, WeightsAt } from './training/protocol';
import { listTrainedHere, type TrainedHereEntry } from './trainedHereList';

/** What an id of a model trained here contains. */
const HERE = '-here-';

/** True for the id of a model trained in a page (never fetched from the server). */
export function isTrainedHere(id: string): boolean {
  return id.includes(HERE);
}

/** A fresh id for a model of `cell` trained on `task` at length T: "remember-first-20-lstm-here-k3x9q2a". */
export function trainedHereId(task: ModelTaskName, length: number, cell: CellType): string {
  const digits = Math.floor(Math.random() * 36 ** 7)
    .toString(36)
    .padStart(7, '0');
  return `${task}-${length}-${cell}${HERE}${digits}`;
}

/** How a pane's model started: its drawn-weight settings (for the file's training record). */
export interface StartedFrom {
  readonly spec: ModelSpec;
  readonly init: InitScheme;
  readonly weightScale: number;
  readonly forgetBias: number;
  readonly updateBias: number;
}

/** Steps per "epoch" in the files written here: the counters and the curve use it. */
export const STEPS_PER_EPOCH = 50;

/**
 * The model file of weights `at` of a session on `task` (its record: the generator's
 * parameters, or the user's table of numbers), the settings, the held-out score as its
 * metrics and `curve`, the mean training loss per epoch of {@link STEPS_PER_EPOCH} steps.
 * Checked as any model file is; throws when the weights do not make one.
 */
export function trainedHereModel(
  id: string,
  at: WeightsAt,
  settings: TrainSettings,
  task: Task,
  from: StartedFrom,
  curve: readonly number[],
  heldOut: HeldOut | undefined,
): LoadedModel {
  const cell = from.spec.cell.toUpperCase();
  const epochs = Math.max(1, Math.ceil(at.step / STEPS_PER_EPOCH));
  const file: ModelFile = {
    format: MODEL_FORMAT,
    id,
    title: `${cell} trained here on “${task.title}”, T = ${settings.length}, step ${at.step}`,
    spec: { ...from.spec, inputSize: task.inputSize },
    params: at.params as StateDict,
    task: taskRecord(task),
    metrics: {
      accuracy: heldOut && Number.isFinite(heldOut.accuracy) ? heldOut.accuracy : 0,
      loss: heldOut?.loss ?? 0,
      chance: task.chance,
      samples: 256,
      seed: settings.seed,
    },
    curve: curve.length > 0 ? [...curve] : [heldOut?.loss ?? 0],
    training: {
      seed: settings.seed,
      epochs,
      batchesPerEpoch: STEPS_PER_EPOCH,
      batchSize: settings.batchSize,
      learningRate: settings.learningRate,
      clipNorm: Number.isFinite(settings.clipNorm) ? settings.clipNorm : 1e9,
      init: {
        scheme: from.init,
        weightScale: from.weightScale,
        forgetBias: from.spec.cell === 'lstm' ? from.forgetBias : 0,
        updateBias: from.spec.cell === 'gru' ? from.updateBias : 0,
      },
    },
  };
  return parseModelFile(file, id);
}

/** This browser's store of models trained here (idb-keyval, loaded on first use), or null. */
async function storage() {
  if (typeof indexedDB === 'undefined') return null;
  try {
    const idb = await import('idb-keyval');
    const store = idb.createStore('gatescope-trained', 'trained-here');
    return {
      get: (key: string) => idb.get<ModelFile>(key, store),
      set: (key: string, value: ModelFile) => idb.set(key, value, store),
      values: () => idb.values<ModelFile>(store),
    };
  } catch {
    return null;
  }
}

/** How the Weights select lists model file `file`: "LSTM: remember-first, T = 20 — step 225, 96%". */
function entryOf(file: ModelFile): TrainedHereEntry {
  const step = / step (\d+)$/.exec(file.title)?.[1];
  const accuracy = `${Math.round(file.metrics.accuracy * 100)}%`;
  return {
    id: file.id,
    cell: file.spec.cell,
    hiddenSize: file.spec.hiddenSize,
    numLayers: file.spec.numLayers,
    task: file.task.name,
    length: Number(file.task.length),
    label: `${file.spec.cell.toUpperCase()}: ${file.task.name === 'numbers' ? 'your numbers' : file.task.name}, T = ${String(file.task.length)} — ${step ? `step ${step}, ` : ''}${accuracy}`,
    title: file.title,
  };
}

/** Keeps model `file` in this browser and lists it; a failure (private mode, quota) only costs persistence. */
export async function keepTrainedHere(file: ModelFile): Promise<void> {
  listTrainedHere([entryOf(file)]);
  try {
    await (await storage())?.set(file.id, file);
  } catch (error) {
    console.warn('A model trained here could not be kept in this browser:', error);
  }
}

/** Lists the models trained here in earlier visits (once, after the first paint). */
export async function listKeptTrainedHere(): Promise<void> {
  try {
    const files = (await (await storage())?.values()) ?? [];
    listTrainedHere(files.filter((f) => f && typeof f.id === 'string').map(entryOf));
  } catch {
    // No list where the browser refuses storage (a page opened from disk): nothing to list.
  }
}

/**
 * Model `id`, trained here earlier and kept in this browser. Rejects with a ModelLoadError
 * saying so when this browser does not have it.
 */
export async function restoreTrainedHere(id: string): Promise<LoadedModel> {
  const file = await (await storage())?.get(id).catch(() => undefined);
  if (!file) {
    throw new ModelLoadError(
      'not-found',
      'it was trained in another browser, and this one does not have it. Train it again here, or open a link that carries its weights.',
    );
  }
  return parseModelFile(file, id);
}
