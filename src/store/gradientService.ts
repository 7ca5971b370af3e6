import { stateDictViews, type Intervention, type Model, type TracePayload } from '../engine';
import type { Sequence } from '../scene';
import {
  hasJacobianNorms,
  hasSaliency,
  jacobianNormsOf,
  layerOf,
  primeJacobianNorms,
  primeSaliency,
  saliencyOf,
  unitOf,
  type OkPaneRun,
} from './gradients';
import type { GradientAnswer, RunJob } from './gradientWorker';
import { fitsMainThread, jobCost, type CostedJob } from './jobCost';
import { primeTiming, timePass, timingOf } from './timing';
import { onWorkerFailed, sendJob, workerHealth } from './workerClient';

/**
 * Runs the costly quantities in the app's one Web Worker (./workerClient.ts) — a large
 * scene's forward pass, the gradient view's Jacobian norms and input saliency, the compare
 * table's timing — primes the per-run caches with the answers, then tells its listeners.
 * When the worker fails (cannot load, answers with an error, dies or times out), a job
 * small enough is computed on the page after a paint instead; a larger one is recorded as
 * failed, with a message in words ({@link normsFailure} and the like), so that no panel
 * waits forever. Where there is no Worker at all (tests under jsdom or Node),
 * {@link takesRequests} is false and callers compute on the main thread as before.
 */

const asked = new WeakMap<OkPaneRun, Set<string>>();
const failures = new WeakMap<OkPaneRun, Map<string, string>>();
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

/** True when costly quantities can be computed in a (working) worker here. */
export function canComputeOffThread(): boolean {
  return workerHealth().state === 'ready';
}

/**
 * True where this service answers requests: in the worker, or, once the worker has failed,
 * on the page or with a failure message. False only where there is no Worker at all.
 */
export function takesRequests(): boolean {
  return workerHealth().state !== 'absent';
}

/** Why the worker was given up, or null while it works (or there is none). */
export function workerFailure(): string | null {
  const health = workerHealth();
  return health.state === 'failed' ? health.reason : null;
}

/**
 * Why a job of a scene too large for the page was not computed: the worker's failure,
 * then what to do about it.
 */
export function tooLargeMessage(reason: string): string {
  return `The background worker could not compute this (${reason}), and this scene is too large to compute on the page without freezing it. Use fewer steps, units or layers, or reload the page.`;
}

/**
 * Jobs go to the worker one at a time, most urgent first: a trace (the pane shows nothing
 * without it), then Jacobian norms and saliency (the gradient plot), then timings (the
 * compare table's last column, and the slowest).
 */
const RANK: Record<CostedJob, number> = { trace: 1, norms: 2, saliency: 3, timing: 4 };

/**
 * Queues one job about `model` on `sequence`; `settle` hears the answer (or an error), or
 * `drop` hears that a newer job of its kind pushed it out of the queue unsent. False when
 * there is no worker to send it to.
 */
function send(
  model: Model,
  sequence: Sequence,
  interventions: readonly Intervention[],
  job: RunJob,
  settle: (answer: GradientAnswer) => void,
  drop?: () => void,
): boolean {
  const list = interventions.length > 0 ? JSON.stringify(interventions) : '';
  return sendJob({
    request: {
      job,
      runKey: `${idOf(modelIds, model)}/${idOf(sequenceIds, sequence)}${list}`,
      spec: model.spec,
      params: stateDictViews(model),
      xs: sequence.xs,
      ...(list ? { interventions: [...interventions] } : {}),
    },
    rank: RANK[job.kind],
    cost: jobCost(job.kind, model.spec, sequence.xs.length),
    settle,
    drop,
  });
}

function notify(): void {
  version++;
  for (const listener of listeners) listener();
}

/** A promise-free "after the next paint": the page shows its state before computing. */
function afterPaint(run: () => void): void {
  const later = () => setTimeout(run, 0);
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(later);
  else later();
}

/**
 * The worker could not give a run's quantity (`reason`): computes it on the page after a
 * paint when the job is small enough, else records `reason` as its failure. Listeners hear
 * either outcome.
 */
function fallBack(run: OkPaneRun, kind: CostedJob, key: string, reason: string, here: () => void) {
  const done = () => {
    asked.get(run)?.delete(key);
    notify();
  };
  if (!fitsMainThread(jobCost(kind, run.model.spec, run.sequence.xs.length))) {
    setFailure(run, key, tooLargeMessage(reason));
    done();
    return;
  }
  afterPaint(() => {
    try {
      here();
    } catch (error) {
      setFailure(run, key, error instanceof Error ? error.message : String(error));
    }
    done();
  });
}

function setFailure(run: OkPaneRun, key: string, message: string): void {
  let byKey = failures.get(run);
  if (!byKey) failures.set(run, (byKey = new Map()));
  byKey.set(key, message);
}

/**
 * Asks for one quantity of a run unless it is cached, failed or already asked for: in the
 * worker, else (worker failed) on the page or as a failure; `here` computes it on the page.
 */
function post(
  run: OkPaneRun,
  job: Exclude<RunJob, { kind: 'trace' }>,
  key: string,
  cachedAlready: boolean,
  prime: (values: number[]) => void,
  here: () => void,
): void {
  if (cachedAlready || !takesRequests() || failures.get(run)?.has(key)) return;
  let keys = asked.get(run);
  if (!keys) asked.set(run, (keys = new Set()));
  if (keys.has(key)) return;
  keys.add(key);
  const sent = send(
    run.model,
    run.sequence,
    run.trace.interventions ?? [],
    job,
    (answer) => {
      if ('values' in answer) {
        prime(answer.values);
        asked.get(run)?.delete(key);
        notify();
      } else {
        const reason = 'error' in answer ? answer.error : 'it sent no values';
        fallBack(run, job.kind, key, reason, here);
      }
    },
    () => asked.get(run)?.delete(key), // asked again if a view still wants it
  );
  if (!sent) fallBack(run, job.kind, key, workerFailure() ?? 'there is none', here);
}

/** Asks the worker for a run's Jacobian norms at a layer (clamped). */
export function requestJacobianNorms(run: OkPaneRun, layer: number): void {
  const l = layerOf(run, layer);
  post(
    run,
    { kind: 'norms', layer: l },
    `n${l}`,
    hasJacobianNorms(run, l),
    (values) => primeJacobianNorms(run, l, values),
    () => jacobianNormsOf(run, l),
  );
}

/** Asks the worker for a run's input saliency for a top-layer unit (clamped). */
export function requestSaliency(run: OkPaneRun, unit: number): void {
  const j = unitOf(run, unit);
  post(
    run,
    { kind: 'saliency', unit: j },
    `s${j}`,
    hasSaliency(run, j),
    (values) => primeSaliency(run, j, values),
    () => saliencyOf(run, j),
  );
}

/** Asks the worker to time one forward + backward pass of a run (the compare table). */
export function requestTiming(run: OkPaneRun): void {
  post(
    run,
    { kind: 'timing' },
    't',
    timingOf(run) !== undefined,
    (values) =>
      primeTiming(run, { ms: values[0] ?? NaN, low: values[1] ?? NaN, high: values[2] ?? NaN }),
    () => primeTiming(run, timePass(run.model, run.sequence.xs)),
  );
}

/** Why a run's Jacobian norms at a layer could not be computed, or undefined. */
export function normsFailure(run: OkPaneRun, layer: number): string | undefined {
  return failures.get(run)?.get(`n${layerOf(run, layer)}`);
}

/** Why a run's saliency for a unit could not be computed, or undefined. */
export function saliencyFailure(run: OkPaneRun, unit: number): string | undefined {
  return failures.get(run)?.get(`s${unitOf(run, unit)}`);
}

/** Why a run's timing could not be measured, or undefined. */
export function timingFailure(run: OkPaneRun): string | undefined {
  return failures.get(run)?.get('t');
}

/**
 * Asks the worker for the forward pass of `model` on `sequence` with `interventions`
 * (maybe none); `settle` hears the
 * trace's buffers or an error message (the worker's failure, in words). Returns false
 * (asking nothing, calling nothing) when there is no worker to ask.
 */
export function requestTrace(
  model: Model,
  sequence: Sequence,
  interventions: readonly Intervention[],
  settle: (result: { trace: TracePayload } | { error: string }) => void,
): boolean {
  return send(model, sequence, interventions, { kind: 'trace' }, (answer) => {
    if ('trace' in answer) settle({ trace: answer.trace });
    else settle({ error: 'error' in answer ? answer.error : 'the worker sent no trace' });
  });
}

/** Subscribes to "some values arrived or failed" (for useSyncExternalStore); returns unsubscribe. */
export function subscribeGradientResults(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A number that changes whenever values arrive or fail (for useSyncExternalStore). */
export function gradientResultsVersion(): number {
  return version;
}

// Views waiting on the worker re-render when it is given up, and ask again: the page or a
// message answers them then.
onWorkerFailed(notify);
