/**
 * What a worker job costs, in multiply-adds, and what follows from it: how long the worker
 * may take before the job counts as lost, and whether the page may compute it itself when
 * the worker cannot. Estimates, generous on purpose: a timeout must never fire on a slow
 * machine for a job that was merely slow.
 */
import { parameterCount, type FullModelSpec } from '../engine';

/** The jobs whose cost depends on a model and an input. */
export type CostedJob = 'trace' | 'norms' | 'saliency' | 'timing';

/**
 * About the multiply-adds of one job on a model of `spec` over T steps (P parameters):
 * a forward pass is T·P; `saliency` one forward and one backward (about 3·T·P); `timing`
 * at most six forward + backward passes (a warm-up and five samples, see timing.ts);
 * `norms` the forward pass and T products of one layer's step Jacobian: H³ per step for
 * an RNN, 4·H³ for a GRU, 8·H³ for an LSTM (its joint (h, c) step), the ratios measured.
 */
export function jobCost(job: CostedJob, spec: Readonly<FullModelSpec>, T: number): number {
  const forward = T * parameterCount(spec);
  const H = spec.hiddenSize;
  switch (job) {
    case 'trace':
      return forward;
    case 'saliency':
      return 3 * forward;
    case 'timing':
      return 6 * 3 * forward;
    case 'norms': {
      const factor = spec.cell === 'lstm' ? 8 : spec.cell === 'gru' ? 4 : 1;
      return forward + T * factor * H ** 3;
    }
  }
}

/**
 * Multiply-adds per ms assumed for a timeout: 10⁵, ten times slower than this machine kind
 * runs the engine (an LSTM of 64 units and 3 layers on 2000 steps: its norms, about 4·10⁹,
 * take 3.8 s here with the forward pass; their timeout is 64 s), so a machine two or three times slower, or a
 * worker busy with a garbage collection, stays well inside it.
 */
const TIMEOUT_MACS_PER_MS = 1e5;

/** Every job may take this long (ms) whatever its size: start-up, transfer, a busy tab. */
const TIMEOUT_BASE_MS = 20_000;

/** How long (ms) the worker may take on a job of `cost` multiply-adds before it counts as lost. */
export function jobTimeoutMs(cost: number): number {
  return TIMEOUT_BASE_MS + cost / TIMEOUT_MACS_PER_MS;
}

/**
 * Without a worker, the page computes a job itself up to this many multiply-adds: about
 * 0.1–0.2 s of frozen page on this machine kind, once. Above, the panel says the scene
 * needs the worker rather than freeze the page for seconds.
 */
export const MAIN_THREAD_MAX_MACS = 1e8;

/** True when the page may compute a job of `cost` multiply-adds itself. */
export function fitsMainThread(cost: number): boolean {
  return cost <= MAIN_THREAD_MAX_MACS;
}

/**
 * Bytes of a model file the page parses itself when the worker cannot: a few times the
 * largest model the limits allow (about 2.5 MB), a few tens of ms of parsing.
 */
export const MAIN_THREAD_MAX_FILE_BYTES = 8e6;
