/**
 * The worker's side of training: at most one {@link TrainingSession}, run in slices of
 * {@link SLICE_MS} with a turn of the event loop between them, so the worker's other jobs
 * (gradient norms, saliency, traces) are answered while a model trains. Every report of a
 * session carries the id of the request that started it.
 */
import {
  STAND_ASIDE_MS,
  type StandAside,
  type TrainControl,
  type TrainProgress,
  type TrainStart,
} from './protocol';
import { TrainingSession } from './session';

/** Longest run of training steps between two turns of the worker's event loop, ms. */
export const SLICE_MS = 20;

/**
 * The next turn of the worker's event loop, without the 4 ms that browsers add to a
 * `setTimeout(…, 0)` nested more than five deep (a fifth of each slice): a message to
 * itself, which the browser queues behind the messages already waiting (the page's jobs).
 * Node (the tests) has `setImmediate`, which lets its timers run in between.
 */
const nextTurn: (then: () => void) => void = (() => {
  if (typeof setImmediate === 'function') return (then) => void setImmediate(then);
  if (typeof MessageChannel === 'undefined') return (then) => void setTimeout(then, 0);
  const channel = new MessageChannel();
  let pending: (() => void) | null = null;
  channel.port1.onmessage = () => {
    const then = pending;
    pending = null;
    then?.();
  };
  return (then) => {
    pending = then;
    channel.port2.postMessage(null);
  };
})();

let session: { id: number; run: TrainingSession } | null = null;
let looping = false;
/** Until when (performance.now()) training stands aside for the user's stepping. */
let asideUntil = -Infinity;

/** Runs slices until the session stops running, waiting while it stands aside. */
function loop(): void {
  const current = session;
  if (!current || current.run.current !== 'running') {
    looping = false;
    return;
  }
  const wait = asideUntil - performance.now();
  if (wait > 0) {
    setTimeout(loop, wait);
    return;
  }
  current.run.runSlice(SLICE_MS);
  nextTurn(loop);
}

function ensureLoop(): void {
  if (looping) return;
  looping = true;
  nextTurn(loop);
}

/**
 * Starts session `id` (cancelling any earlier one); `post` hears its reports. Throws an
 * Error in words when a setting or a model is refused.
 */
export function startTraining(
  id: number,
  start: TrainStart,
  post: (id: number, progress: TrainProgress) => void,
): void {
  session?.run.control('cancel');
  session = null;
  const run = new TrainingSession(start, (progress) => post(id, progress));
  session = { id, run };
  ensureLoop();
}

/**
 * Pause, resume, one step or cancel the running session, or stand aside for the user's
 * stepping; nothing when there is none.
 */
export function controlTraining(control: TrainControl | StandAside): void {
  if (control === 'stand-aside') {
    asideUntil = performance.now() + STAND_ASIDE_MS;
    return;
  }
  if (!session) return;
  session.run.control(control);
  if (session.run.current === 'running') ensureLoop();
}

/** The running session's training step count, or null when there is none (for tests). */
export function trainingStepNow(): number | null {
  return session?.run.step ?? null;
}
