import type { StateCreator } from 'zustand';
import { NUMBERS_PARAMS, TASK_PARAMS, type ModelTaskName } from '../engine';
import { checkRange, type PaneId } from '../scene';
import type { SceneState } from './scene';
import type { HeldOut, TrainSettings, TrainState } from './training/protocol';

/** One pane's training so far, as the Train panel draws it. Plain data. */
export interface TrainCurve {
  /** Id of the model the pane shows while it trains ("…-here-…"). */
  readonly modelId: string;
  /** Steps and their batch's training loss, thinned to at most ~4000 points (means of neighbours). */
  readonly steps: readonly number[];
  readonly losses: readonly number[];
  /** Every held-out score, in step order. */
  readonly heldOut: readonly HeldOut[];
  /** First step whose held-out accuracy reached the target, or null. */
  readonly reachedAt: number | null;
}

/** Where training stands in the page. Plain data; not part of a link. */
export interface TrainingStatus {
  /** 'idle' before the first Train and after Reset. */
  readonly state: TrainState | 'idle';
  /** Adam steps taken by every pane. */
  readonly step: number;
  readonly stepsPerSecond: number;
  /** Why it ended or failed, or what went wrong starting it; '' otherwise. */
  readonly message: string;
  readonly curves: Readonly<Partial<Record<PaneId, TrainCurve>>>;
  /** Steps at which the scrubber can show the weights, increasing (0, 1, 2, 3, 4, 6, 8, …). */
  readonly snapshotSteps: readonly number[];
  /** The snapshot the panes show, or null for the latest weights. */
  readonly viewStep: number | null;
}

/** Training settings and status. */
export interface TrainingSlice {
  trainSettings: TrainSettings;
  training: TrainingStatus;
  /** Changes training settings; returns a message naming the first refused value (nothing changes then), or null. */
  setTrainSettings: (patch: Partial<TrainSettings>) => string | null;
}

/**
 * The settings the Train panel starts with: remember-first at T = 20, Adam 0.01, batch 32
 * (for the user's numbers: no target chosen yet, 2 unscored first steps).
 */
export const DEFAULT_TRAIN_SETTINGS: TrainSettings = {
  task: 'remember-first',
  length: 20,
  targets: [],
  warmup: 2,
  seed: 1,
  batchSize: 32,
  learningRate: 0.01,
  clipNorm: 1,
  targetAccuracy: 0.95,
  maxSteps: 2000,
  start: 'recipe',
};

/**
 * The keep-gate bias of the 'recipe' start (σ(1) ≈ 0.73): enough for an 8-unit LSTM to learn
 * remember-first at T = 20 in a few hundred steps, and little enough that one watches f
 * climb towards 1 as it does.
 */
export const RECIPE_KEEP_BIAS = 1;

/** The idle status. */
export const IDLE_TRAINING: TrainingStatus = {
  state: 'idle',
  step: 0,
  stepsPerSecond: 0,
  message: '',
  curves: {},
  snapshotSteps: [],
  viewStep: null,
};

/** Ranges of the numeric training settings, inclusive. */
export const TRAIN_LIMITS = {
  seed: { min: 0, max: 2 ** 32 - 1 },
  batchSize: { min: 1, max: 256 },
  learningRate: { min: 1e-5, max: 1 },
  clipNorm: { min: 0.01, max: 1000 },
  targetAccuracy: { min: 0.5, max: 1 },
  maxSteps: { min: 1, max: 100_000 },
} as const;

/** The steps per sequence task `task` allows, inclusive. */
export function lengthRange(task: ModelTaskName): { min: number; max: number } {
  const { min, max } = task === 'numbers' ? NUMBERS_PARAMS.length : TASK_PARAMS[task].length;
  return { min, max };
}

/** A message naming the first refused value of `patch` (merged over `current`), or null. */
export function checkTrainSettings(
  current: TrainSettings,
  patch: Partial<TrainSettings>,
): string | null {
  const next = { ...current, ...patch };
  if (!(next.task in TASK_PARAMS) && next.task !== 'numbers')
    return `Unknown task “${String(next.task)}”.`;
  if (next.start !== 'recipe' && next.start !== 'drawn')
    return `Unknown start “${String(next.start)}”.`;
  if (
    !Array.isArray(next.targets) ||
    !next.targets.every((k, n) => Number.isInteger(k) && k >= 0 && k > (next.targets[n - 1] ?? -1))
  )
    return 'Target columns must be distinct column numbers, in order.';
  const length = lengthRange(next.task);
  const checks: [string, number, { min: number; max: number }, boolean][] = [
    ['Sequence length', next.length, length, true],
    ['Unscored first steps', next.warmup, { min: 0, max: Math.max(0, next.length - 1) }, true],
    ['Training seed', next.seed, TRAIN_LIMITS.seed, true],
    ['Batch size', next.batchSize, TRAIN_LIMITS.batchSize, true],
    ['Learning rate', next.learningRate, TRAIN_LIMITS.learningRate, false],
    ['Gradient clipping', next.clipNorm, TRAIN_LIMITS.clipNorm, false],
    ['Target accuracy', next.targetAccuracy, TRAIN_LIMITS.targetAccuracy, false],
    ['Step budget', next.maxSteps, TRAIN_LIMITS.maxSteps, true],
  ];
  for (const [label, value, limit, integer] of checks) {
    const message = checkRange(label, value, limit, integer);
    if (message) return message;
  }
  return null;
}

/** Creates the training slice: default settings, idle. */
export const createTrainingSlice: StateCreator<SceneState, [], [], TrainingSlice> = (set, get) => ({
  trainSettings: DEFAULT_TRAIN_SETTINGS,
  training: IDLE_TRAINING,
  setTrainSettings: (given) => {
    const current = get().trainSettings;
    // A shorter sequence takes the unscored first steps down with it.
    const patch =
      given.length !== undefined && given.warmup === undefined && current.warmup >= given.length
        ? { ...given, warmup: Math.max(0, given.length - 1) }
        : given;
    const message = checkTrainSettings(current, patch);
    if (message) return message;
    set((s) => ({ trainSettings: { ...s.trainSettings, ...patch } }));
    return null;
  },
});
