import { stateDictViews, type Model, type TracePayload } from '../engine';
import type { Sequence } from '../scene';
import {
  hasJacobianNorms,
  hasSaliency,
  layerOf,
  primeJacobianNorms,
  primeSaliency,
  unitOf,
  type OkPaneRun,
} from './gradients';
import type { GradientAnswer, GradientJob, GradientRequest } from './gradientWorker';
import { primeTiming, timingOf } from './timing';

/**
 * Runs the costly quantities in the app's one Web Worker — a large scene's forward pass,
 * the gradient view's Jacobian norms and input saliency, the compare table's timing —
 * primes the per-run caches with the answers, then tells its listeners. Where there is no
 * Worker (tests under jsdom or Node), {@link canComputeOffThread} is false and callers
 * compute on the main thread.
 */

let worker: Worker | null | undefined;
let nextId = 1;
const inFlight = new Map<number, (answer: GradientAnswer) => void>();
const asked = new WeakMap<OkPaneRun, Set<string>>();
const listeners = new Set<() => void>();
let version = 0;
const modelIds = new WeakMap<Model, number>();
const sequenceIds = new WeakMap<Sequence, number>();
let nextKey = 1;

function idOf<K extends object>(ids: WeakMap<K, number>, key: K): number {
  let id = ids.get(key);
  if (id === undefined) ids.set(key, (id = nextKey++));
  return id;
}

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker =
      typeof Worker === 'undefined'
        ? null
        : new Worker(new URL('./gradientWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
  }
  if (worker) {
    worker.onmessage = (event: MessageEvent<GradientAnswer>) => {
      const settle = inFlight.get(event.data.id);
      inFlight.delete(event.data.id);
      settle?.(event.data);
    };
  }
  return worker;
}

/** True when costly quantities can be computed in a worker here. */
export function canComputeOffThread(): boolean {
  return getWorker() !== null;
}

/** A job waiting for the worker, with who hears its answer. */
interface Queued {
  readonly model: Model;
  readonly sequence: Sequence;
  readonly job: GradientJob;
  readonly settle: (answer: GradientAnswer) => void;
  /** Called instead of `settle` when the job is dropped unsent (a newer one replaced it). */
  readonly drop?: () => void;
}

/**
 * Jobs of one kind kept waiting; older ones are dropped (a slider dragged past their
 * values). Three panes' worth, and a few more.
 */
const MAX_WAITING_PER_KIND = 6;

/**
 * Jobs go to the worker one at a time, most urgent first: a trace (the pane shows nothing
 * without it), then Jacobian norms and saliency (the gradient plot), then timings (the
 * compare table's last column, and the slowest). Newer jobs of one rank go first: a
 * slider's latest value matters more than the values it passed.
 */
const RANK: Record<GradientJob['kind'], number> = { trace: 0, norms: 1, saliency: 2, timing: 3 };
const queue: Queued[] = [];
let busy = false;

/** Sends the most urgent waiting job when the worker is free. */
function pump(): void {
  const w = getWorker();
  if (busy || !w || queue.length === 0) return;
  let best = queue.length - 1;
  for (let k = queue.length - 1; k >= 0; k--) {
    if (RANK[queue[k]!.job.kind] < RANK[queue[best]!.job.kind]) best = k;
  }
  const { model, sequence, job, settle } = queue.splice(best, 1)[0]!;
  const id = nextId++;
  busy = true;
  inFlight.set(id, (answer) => {
    busy = false;
    settle(answer);
    pump();
  });
  const request: GradientRequest = {
    id,
    runKey: `${idOf(modelIds, model)}/${idOf(sequenceIds, sequence)}`,
    spec: model.spec,
    params: stateDictViews(model),
    xs: sequence.xs,
    job,
  };
  w.postMessage(request);
}

/**
 * Queues one job about `model` on `sequence`; `settle` hears the answer, or `drop` hears
 * that a newer job of its kind pushed it out of the queue unsent.
 */
function send(
  model: Model,
  sequence: Sequence,
  job: GradientJob,
  settle: (answer: GradientAnswer) => void,
  drop?: () => void,
): boolean {
  if (!getWorker()) return false;
  queue.push({ model, sequence, job, settle, drop });
  const sameKind = queue.filter((q) => q.job.kind === job.kind);
  if (sameKind.length > MAX_WAITING_PER_KIND && sameKind[0]!.drop) {
    queue.splice(queue.indexOf(sameKind[0]!), 1);
    sameKind[0]!.drop();
  }
  pump();
  return true;
}

function notify(): void {
  version++;
  for (const listener of listeners) listener();
}

/** Posts one job for a run unless its answer is cached or already asked for. */
function post(
  run: OkPaneRun,
  job: GradientJob,
  key: string,
  cachedAlready: boolean,
  prime: (values: number[]) => void,
): void {
  if (cachedAlready || !getWorker()) return;
  let keys = asked.get(run);
  if (!keys) asked.set(run, (keys = new Set()));
  if (keys.has(key)) return;
  keys.add(key);
  send(
    run.model,
    run.sequence,
    job,
    (answer) => {
      // An error (never expected: the run itself succeeded) leaves the cache empty, and
      // the main thread then computes the value itself when asked.
      if ('values' in answer) prime(answer.values);
      asked.get(run)?.delete(key);
      notify();
    },
    () => asked.get(run)?.delete(key), // asked again if a view still wants it
  );
}

/** Asks the worker for a run's Jacobian norms at a layer (clamped). */
export function requestJacobianNorms(run: OkPaneRun, layer: number): void {
  const l = layerOf(run, layer);
  post(run, { kind: 'norms', layer: l }, `n${l}`, hasJacobianNorms(run, l), (values) =>
    primeJacobianNorms(run, l, values),
  );
}

/** Asks the worker for a run's input saliency for a top-layer unit (clamped). */
export function requestSaliency(run: OkPaneRun, unit: number): void {
  const j = unitOf(run, unit);
  post(run, { kind: 'saliency', unit: j }, `s${j}`, hasSaliency(run, j), (values) =>
    primeSaliency(run, j, values),
  );
}

/** Asks the worker to time one forward + backward pass of a run (the compare table). */
export function requestTiming(run: OkPaneRun): void {
  post(run, { kind: 'timing' }, 't', timingOf(run) !== undefined, (values) =>
    primeTiming(run, { ms: values[0] ?? NaN, low: values[1] ?? NaN, high: values[2] ?? NaN }),
  );
}

/**
 * Asks the worker for the forward pass of `model` on `sequence`; `settle` hears the
 * trace's buffers or an error message. Returns false (asking nothing) without a worker.
 */
export function requestTrace(
  model: Model,
  sequence: Sequence,
  settle: (result: { trace: TracePayload } | { error: string }) => void,
): boolean {
  return send(model, sequence, { kind: 'trace' }, (answer) => {
    if ('trace' in answer) settle({ trace: answer.trace });
    else settle({ error: 'error' in answer ? answer.error : 'the worker sent no trace' });
  });
}

/** Subscribes to "some values arrived" (for useSyncExternalStore); returns unsubscribe. */
export function subscribeGradientResults(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A number that changes whenever values arrive (for useSyncExternalStore). */
export function gradientResultsVersion(): number {
  return version;
}
