import { toStateDict } from '../engine';
import { hasJacobianNorms, layerOf, primeJacobianNorms, type OkPaneRun } from './gradients';
import type { JacobianAnswer, JacobianRequest } from './jacobianWorker';

/**
 * Runs `jacobianNorms` in a Web Worker and primes the per-run cache of
 * `jacobianNormsOf` with the answer, then tells its listeners. Where there is no Worker
 * (tests under jsdom or Node), {@link canComputeOffThread} is false and callers compute
 * on the main thread as before.
 */

let worker: Worker | null | undefined;
let nextId = 1;
const inFlight = new Map<number, { run: OkPaneRun; layer: number }>();
const asked = new WeakMap<OkPaneRun, Set<number>>();
const listeners = new Set<() => void>();
let version = 0;

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker =
      typeof Worker === 'undefined'
        ? null
        : new Worker(new URL('./jacobianWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
  }
  if (worker) {
    worker.onmessage = (event: MessageEvent<JacobianAnswer>) => {
      const job = inFlight.get(event.data.id);
      inFlight.delete(event.data.id);
      if (!job) return;
      // An error (never expected: the run itself succeeded) leaves the cache empty, and
      // jacobianNormsOf then computes it on the main thread when asked.
      if ('norms' in event.data) primeJacobianNorms(job.run, job.layer, event.data.norms);
      asked.get(job.run)?.delete(job.layer);
      version++;
      for (const listener of listeners) listener();
    };
  }
  return worker;
}

/** True when Jacobian norms can be computed in a worker here. */
export function canComputeOffThread(): boolean {
  return getWorker() !== null;
}

/**
 * Asks the worker for a run's Jacobian norms at a layer unless they are cached or asked
 * for already. Returns false when there is no worker.
 */
export function requestJacobianNorms(run: OkPaneRun, layer: number): boolean {
  const w = getWorker();
  if (!w) return false;
  const l = layerOf(run, layer);
  if (hasJacobianNorms(run, l)) return true;
  let layers = asked.get(run);
  if (!layers) asked.set(run, (layers = new Set()));
  if (layers.has(l)) return true;
  layers.add(l);
  const id = nextId++;
  inFlight.set(id, { run, layer: l });
  const request: JacobianRequest = {
    id,
    spec: run.model.spec,
    params: toStateDict(run.model),
    xs: run.sequence.xs,
    layer: l,
  };
  w.postMessage(request);
  return true;
}

/** Subscribes to "some norms arrived" (for useSyncExternalStore); returns unsubscribe. */
export function subscribeJacobianNorms(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A number that changes whenever norms arrive (for useSyncExternalStore). */
export function jacobianNormsVersion(): number {
  return version;
}
