/**
 * Forward passes of large scenes, run in the worker so that the page never freezes: the
 * pane shows "computing" until the trace's buffers arrive, then its run is built from them
 * (the same numbers `forward` gives here). Derived data: kept per (model, sequence object,
 * interventions) and never stored in the scene. Listeners (the app refreshes the panes) hear each result.
 */
import {
  forward,
  parameterCount,
  tracePayload,
  type FullModelSpec,
  type Intervention,
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

/** Statuses by model, sequence object and the interventions' JSON ('[]' for none). */
const statuses = new WeakMap<Model, WeakMap<Sequence, Map<string, BackgroundTrace>>>();
/** One background pass: a model on a sequence, with interventions (maybe none). */
interface Job {
  model: Model;
  sequence: Sequence;
  interventions: readonly Intervention[];
}
const waiting: Job[] = [];
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

function setStatus(job: Job, status: BackgroundTrace | undefined): void {
  let bySequence = statuses.get(job.model);
  if (!bySequence) statuses.set(job.model, (bySequence = new WeakMap()));
  let byList = bySequence.get(job.sequence);
  if (!byList) bySequence.set(job.sequence, (byList = new Map()));
  const key = JSON.stringify(job.interventions);
  if (status) byList.set(key, status);
  else byList.delete(key);
}

/** Sends the next waiting job when the worker is free. */
function pump(): void {
  if (running) return;
  const next = waiting.shift();
  if (!next) return;
  running = true;
  const settle = (result: { trace: TracePayload } | { error: string }) => {
    running = false;
    setStatus(next, statusOf(next, result));
    for (const listener of listeners) listener();
    pump();
  };
  if (!requestTrace(next.model, next.sequence, next.interventions, settle)) {
    settle({ error: workerFailure() ?? 'there is no background worker' });
  }
}

/**
 * A settled job's status: the worker's trace; or, when the worker failed, the pass
 * computed here if it is small enough for the page, else a message saying why there is none.
 */
function statusOf(
  { model, sequence, interventions }: Job,
  result: { trace: TracePayload } | { error: string },
): BackgroundTrace {
  if ('trace' in result) return { state: 'ready', payload: result.trace };
  if (!fitsMainThread(forwardCost(model.spec, sequence.xs.length))) {
    return { state: 'error', message: tooLargeMessage(result.error) };
  }
  try {
    const trace = forward(model, sequence.xs, { interventions });
    return { state: 'ready', payload: tracePayload(trace) };
  } catch (error) {
    return { state: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The status of `model`'s forward pass on `sequence` with `interventions`, queueing the job on first ask.
 * Synchronous, so derived data can ask while rendering. When more jobs wait than there
 * are panes, the oldest is dropped (a slider dragged past it): asked again, it queues again.
 */
export function backgroundTrace(
  model: Model,
  sequence: Sequence,
  interventions: readonly Intervention[] = [],
): BackgroundTrace {
  const known = statuses.get(model)?.get(sequence)?.get(JSON.stringify(interventions));
  if (known) return known;
  const computing: BackgroundTrace = { state: 'computing' };
  const job = { model, sequence, interventions };
  setStatus(job, computing);
  waiting.push(job);
  while (waiting.length > MAX_WAITING) setStatus(waiting.shift()!, undefined);
  pump();
  return computing;
}

/** Calls `listener` whenever a background trace is ready or failed; returns unsubscribe. */
export function onBackgroundTraceSettled(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
