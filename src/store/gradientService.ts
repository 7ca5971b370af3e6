import { toStateDict } from '../engine';
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

/**
 * Runs the gradient view's costly quantities (Jacobian norms, input saliency) in a Web
 * Worker and primes the per-run caches of `jacobianNormsOf` / `saliencyOf` with the
 * answers, then tells its listeners. Where there is no Worker (tests under jsdom or
 * Node), {@link canComputeOffThread} is false and callers compute on the main thread.
 */

let worker: Worker | null | undefined;
let nextId = 1;
const inFlight = new Map<number, { run: OkPaneRun; job: GradientJob; key: string }>();
const asked = new WeakMap<OkPaneRun, Set<string>>();
const listeners = new Set<() => void>();
let version = 0;

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
      const pending = inFlight.get(event.data.id);
      inFlight.delete(event.data.id);
      if (!pending) return;
      const { run, job, key } = pending;
      // An error (never expected: the run itself succeeded) leaves the cache empty, and
      // the main thread then computes the value itself when asked.
      if ('values' in event.data) {
        if (job.kind === 'norms') primeJacobianNorms(run, job.layer, event.data.values);
        else primeSaliency(run, job.unit, event.data.values);
      }
      asked.get(run)?.delete(key);
      version++;
      for (const listener of listeners) listener();
    };
  }
  return worker;
}

/** True when gradient quantities can be computed in a worker here. */
export function canComputeOffThread(): boolean {
  return getWorker() !== null;
}

/** Posts one job for a run unless its answer is cached or already asked for. */
function post(run: OkPaneRun, job: GradientJob, cachedAlready: boolean): void {
  const w = getWorker();
  if (!w || cachedAlready) return;
  const key = job.kind === 'norms' ? `n${job.layer}` : `s${job.unit}`;
  let keys = asked.get(run);
  if (!keys) asked.set(run, (keys = new Set()));
  if (keys.has(key)) return;
  keys.add(key);
  const id = nextId++;
  inFlight.set(id, { run, job, key });
  const request: GradientRequest = {
    id,
    spec: run.model.spec,
    params: toStateDict(run.model),
    xs: run.sequence.xs,
    job,
  };
  w.postMessage(request);
}

/** Asks the worker for a run's Jacobian norms at a layer (clamped). */
export function requestJacobianNorms(run: OkPaneRun, layer: number): void {
  const l = layerOf(run, layer);
  post(run, { kind: 'norms', layer: l }, hasJacobianNorms(run, l));
}

/** Asks the worker for a run's input saliency for a top-layer unit (clamped). */
export function requestSaliency(run: OkPaneRun, unit: number): void {
  const j = unitOf(run, unit);
  post(run, { kind: 'saliency', unit: j }, hasSaliency(run, j));
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
