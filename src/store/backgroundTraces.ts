/**
 * Forward passes of large scenes, run in the worker so that the page never freezes: the
 * pane shows "computing" until the trace's buffers arrive, then its run is built from them
 * (the same numbers `forward` gives here). Derived data: kept per (model, sequence) object
 * and never stored in the scene. Listeners (the app refreshes the panes) hear each result.
 */
import {
  forward,
  parameterCount,
  tracePayload,
  type FullModelSpec,
  type Model,
  type TracePayload,
} from '../engine';
import type { Sequence } from '../scene';
import {
  canComputeOffThread,
  requestTrace,
  takesRequests,
  tooLargeMessage,
  workerFailure,
} from './gradientService';
import { fitsMainThread } from './jobCost';

/**
 * Forward passes of more multiply-adds than this run in the worker: about 20–40 ms on
 * this machine kind, so one pane of T = 500, H = 32 still runs at once on the page.
 */
export const BACKGROUND_FORWARD_MACS = 20e6;

/** Trace jobs waiting for the worker beyond the one it runs: one per pane. */
const MAX_WAITING = 3;

/** Where a background forward pass stands. */
export type BackgroundTrace =
  | { readonly state: 'computing' }
  | { readonly state: 'ready'; readonly payload: TracePayload }
  | { readonly state: 'error'; readonly message: string };

const statuses = new WeakMap<Model, WeakMap<Sequence, BackgroundTrace>>();
const waiting: { model: Model; sequence: Sequence }[] = [];
let running = false;
const listeners = new Set<() => void>();

/**
 * About the multiply-adds of one forward pass: each step multiplies by every weight once
 * (and adds every bias), so T times the parameter count.
 */
export function forwardCost(spec: Readonly<FullModelSpec>, T: number): number {
  return T * parameterCount(spec);
}

/**
 * True when `model` on `sequence` goes through {@link backgroundTrace}: a pass better run
 * in the worker while there is one, or, once the worker has failed, a pass too large for
 * the page (its status then says so).
 */
export function runsInBackground(model: Model, sequence: Sequence): boolean {
  const cost = forwardCost(model.spec, sequence.xs.length);
  if (cost <= BACKGROUND_FORWARD_MACS) return false;
  return canComputeOffThread() || (takesRequests() && !fitsMainThread(cost));
}

function setStatus(model: Model, sequence: Sequence, status: BackgroundTrace | undefined): void {
  let bySequence = statuses.get(model);
  if (!bySequence) statuses.set(model, (bySequence = new WeakMap()));
  if (status) bySequence.set(sequence, status);
  else bySequence.delete(sequence);
}

/** Sends the next waiting job when the worker is free. */
function pump(): void {
  if (running) return;
  const next = waiting.shift();
  if (!next) return;
  running = true;
  const { model, sequence } = next;
  const settle = (result: { trace: TracePayload } | { error: string }) => {
    running = false;
    setStatus(model, sequence, statusOf(model, sequence, result));
    for (const listener of listeners) listener();
    pump();
  };
  if (!requestTrace(model, sequence, settle)) {
    settle({ error: workerFailure() ?? 'there is no background worker' });
  }
}

/**
 * A settled job's status: the worker's trace; or, when the worker failed, the pass
 * computed here if it is small enough for the page, else a message saying why there is none.
 */
function statusOf(
  model: Model,
  sequence: Sequence,
  result: { trace: TracePayload } | { error: string },
): BackgroundTrace {
  if ('trace' in result) return { state: 'ready', payload: result.trace };
  if (!fitsMainThread(forwardCost(model.spec, sequence.xs.length))) {
    return { state: 'error', message: tooLargeMessage(result.error) };
  }
  try {
    return { state: 'ready', payload: tracePayload(forward(model, sequence.xs)) };
  } catch (error) {
    return { state: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The status of `model`'s forward pass on `sequence`, queueing the job on first ask.
 * Synchronous, so derived data can ask while rendering. When more jobs wait than there
 * are panes, the oldest is dropped (a slider dragged past it): asked again, it queues again.
 */
export function backgroundTrace(model: Model, sequence: Sequence): BackgroundTrace {
  const known = statuses.get(model)?.get(sequence);
  if (known) return known;
  const computing: BackgroundTrace = { state: 'computing' };
  setStatus(model, sequence, computing);
  waiting.push({ model, sequence });
  while (waiting.length > MAX_WAITING) {
    const dropped = waiting.shift()!;
    setStatus(dropped.model, dropped.sequence, undefined);
  }
  pump();
  return computing;
}

/** Calls `listener` whenever a background trace is ready or failed; returns unsubscribe. */
export function onBackgroundTraceSettled(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
