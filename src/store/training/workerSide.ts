/**
 * The worker's side of training: at most one {@link TrainingSession}, run in slices of
 * {@link SLICE_MS} with a turn of the event loop between them, so the worker's other jobs
 * (gradient norms, saliency, traces) are answered while a model trains. Every report of a
 * session carries the id of the request that started it.
 */
import type { TrainControl, TrainProgress, TrainStart } from './protocol';
import { TrainingSession } from './session';

/** Longest run of training steps between two turns of the worker's event loop, ms. */
export const SLICE_MS = 40;

let session: { id: number; run: TrainingSession } | null = null;
let looping = false;

/** Runs slices until the session stops running. */
function loop(): void {
  const current = session;
  if (!current || current.run.current !== 'running') {
    looping = false;
    return;
  }
  current.run.runSlice(SLICE_MS);
  setTimeout(loop, 0);
}

function ensureLoop(): void {
  if (looping) return;
  looping = true;
  setTimeout(loop, 0);
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

/** Pause, resume, one step or cancel the running session; nothing when there is none. */
export function controlTraining(control: TrainControl): void {
  if (!session) return;
  session.run.control(control);
  if (session.run.current === 'running') ensureLoop();
}
