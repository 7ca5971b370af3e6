import type { TrainSettings } from '../../../src/store/training/protocol';

/** Small training settings the worker's tests share: remember-first, T = 8, batches of 8, seed 3. */
export const SMALL_SETTINGS: TrainSettings = {
  task: 'remember-first',
  length: 8,
  targets: [],
  warmup: 0,
  seed: 3,
  batchSize: 8,
  learningRate: 0.01,
  clipNorm: 1,
  targetAccuracy: 1,
  maxSteps: 1000,
  start: 'drawn',
};
