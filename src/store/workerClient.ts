/**
 * The page's side of the app's one Web Worker (./gradientWorker.ts): starts it on first
 * use, sends it one job at a time, most urgent first, and makes sure every job settles —
 * with the worker's answer, or with an error when the worker cannot load, dies, sends an
 * answer that cannot be read, or takes longer than the job's timeout. A worker that fails
 * to load or stops with an error is given up for the session ({@link workerHealth} says
 * why); one that times out is replaced by a fresh one for the next job.
 */
import type { GradientAnswer, GradientRequest, JobRequest } from './gradientWorker';
import { jobTimeoutMs } from './jobCost';
import { startWorker } from './workerStart';

/** Where the worker stands: no Worker here (jsdom, Node), usable, or given up and why. */
export type WorkerHealth =
  | { readonly state: 'absent' }
  | { readonly state: 'ready' }
  | { readonly state: 'failed'; readonly reason: string };

/** What a job needs to be sent: how urgent, how costly, and who hears its answer. */
export interface WorkerJob {
  /** The request without its id (the client numbers requests), and the buffers to move. */
  readonly request: JobRequest;
  readonly transfer?: Transferable[];
  /** Lower goes first; newer jobs of one rank go before older ones. */
  readonly rank: number;
  /** Multiply-adds (or the like) of the job: sets its timeout (see jobCost.ts). */
  readonly cost: number;
  /** Hears the answer, or `{ error }` in words when there will be none. */
  readonly settle: (answer: GradientAnswer) => void;
  /** Called instead of `settle` when the job is dropped unsent (a newer one replaced it). */
  readonly drop?: () => void;
}

/** Jobs of one kind kept waiting; older ones are dropped (a slider dragged past their values). */
const MAX_WAITING_PER_KIND = 6;

let worker: Worker | null | undefined;
let failure: string | null = null;
const queue: WorkerJob[] = [];
/** The job the worker is running, its id and its timer. */
let current: { id: number; job: WorkerJob; timer: ReturnType<typeof setTimeout> } | null = null;
let nextId = 1;
/** Jobs sent beside the queue (see {@link sendBeside}), by id: who hears each answer. */
const beside = new Map<number, (answer: GradientAnswer) => void>();
/** Jobs that answer many times (see {@link sendStream}), by id: who hears their answers. */
const streams = new Map<number, (answer: GradientAnswer) => void>();
const healthListeners = new Set<() => void>();

/** The worker, started on first use; null where there is none or it was given up. */
function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (failure !== null || typeof Worker === 'undefined') return (worker = null);
  let started: Worker;
  try {
    started = startWorker();
  } catch (error) {
    giveUp(`it could not start: ${messageOf(error)}`);
    return null;
  }
  started.onmessage = (event: MessageEvent<GradientAnswer>) => {
    const { id } = event.data;
    if (current?.id === id) finish(event.data);
    const settle = beside.get(id);
    beside.delete(id);
    settle?.(event.data);
    streams.get(id)?.(event.data);
  };
  started.onerror = (event: Event) => {
    // Handled here: never an uncaught error on the page.
    event.preventDefault();
    // An ErrorEvent when the script threw; a plain Event when it could not be fetched.
    const { message } = event as Partial<ErrorEvent>;
    giveUp(
      typeof message === 'string' && message
        ? `it stopped with an error: ${message}`
        : 'its script could not be loaded',
    );
  };
  started.onmessageerror = () => {
    if (current) finish({ id: current.id, error: 'its answer could not be read' });
  };
  return (worker = started);
}

/** Settles the running job with `answer` and sends the next one. */
function finish(answer: GradientAnswer): void {
  const running = current;
  if (!running) return;
  clearTimeout(running.timer);
  current = null;
  running.job.settle(answer);
  pump();
}

/** Gives the worker up for the session: every job waiting or running settles with `reason`. */
function giveUp(reason: string): void {
  failure = reason;
  worker?.terminate();
  worker = null;
  const waiting = queue.splice(0);
  if (current) finish({ id: current.id, error: reason });
  for (const job of waiting) job.settle({ id: 0, error: reason });
  dropBeside(reason);
  for (const listener of [...healthListeners]) listener();
}

/** Stops a worker stuck on a job: the job settles with an error; the next job gets a fresh worker. */
function timeOut(id: number, ms: number): void {
  if (current?.id !== id) return;
  worker?.terminate();
  worker = undefined;
  const reason = `it took longer than ${Math.round(ms / 1000)} s`;
  dropBeside(`it was restarted: a job ${reason}`);
  finish({ id, error: reason });
}

/** Settles every job sent beside the queue with `reason`: the worker that had them is gone. */
function dropBeside(reason: string): void {
  const settles = [...beside.entries(), ...streams.entries()];
  beside.clear();
  streams.clear();
  for (const [id, settle] of settles) settle({ id, error: reason });
}

/** Sends the most urgent waiting job when the worker is free. */
function pump(): void {
  if (current || queue.length === 0) return;
  const w = getWorker();
  if (!w) return;
  let best = queue.length - 1;
  for (let k = queue.length - 1; k >= 0; k--) {
    if (queue[k]!.rank < queue[best]!.rank) best = k;
  }
  const job = queue.splice(best, 1)[0]!;
  const id = nextId++;
  const ms = jobTimeoutMs(job.cost);
  current = { id, job, timer: setTimeout(() => timeOut(id, ms), ms) };
  const request: GradientRequest = { ...job.request, id };
  w.postMessage(request, job.transfer ?? []);
}

/** Where the worker stands now (starting it if it was never asked for). */
export function workerHealth(): WorkerHealth {
  if (getWorker()) return { state: 'ready' };
  return failure === null ? { state: 'absent' } : { state: 'failed', reason: failure };
}

/** Calls `listener` when the worker is given up; returns the unsubscribe. */
export function onWorkerFailed(listener: () => void): () => void {
  healthListeners.add(listener);
  return () => healthListeners.delete(listener);
}

/**
 * Queues a job for the worker. Returns false, queueing nothing and calling nothing, when
 * there is no worker to send it to (see {@link workerHealth}).
 */
export function sendJob(job: WorkerJob): boolean {
  if (!getWorker()) return false;
  queue.push(job);
  const sameKind = queue.filter((q) => q.request.job.kind === job.request.job.kind);
  if (sameKind.length > MAX_WAITING_PER_KIND && sameKind[0]!.drop) {
    queue.splice(queue.indexOf(sameKind[0]!), 1);
    sameKind[0]!.drop();
  }
  pump();
  return true;
}

/**
 * Sends a job at once, beside the queue, for work that mostly waits (a model file's
 * download): `settle` hears its answer, or an error if the worker fails or is restarted
 * first. No timeout here: the caller keeps its own. Returns false, calling nothing, when
 * there is no worker to send it to.
 */
export function sendBeside(
  request: JobRequest,
  settle: (answer: GradientAnswer) => void,
  transfer: Transferable[] = [],
): boolean {
  const w = getWorker();
  if (!w) return false;
  const id = nextId++;
  beside.set(id, settle);
  w.postMessage({ ...request, id } satisfies GradientRequest, transfer);
  return true;
}

/**
 * Sends a job that answers many times (a training session's progress), beside the queue:
 * `listen` hears each answer until {@link endStream}, or one error if the worker fails or
 * is restarted first. Returns the job's id, or null, calling nothing, when there is no worker.
 */
export function sendStream(
  request: JobRequest,
  listen: (answer: GradientAnswer) => void,
): number | null {
  const w = getWorker();
  if (!w) return null;
  const id = nextId++;
  streams.set(id, listen);
  w.postMessage({ ...request, id } satisfies GradientRequest);
  return id;
}

/** Posts a request that has no answer (a control of a running stream); false when there is no worker. */
export function tellWorker(request: JobRequest): boolean {
  const w = getWorker();
  if (!w) return false;
  w.postMessage({ ...request, id: nextId++ } satisfies GradientRequest);
  return true;
}

/** Stops hearing stream `id` (its job ended or was replaced). */
export function endStream(id: number): void {
  streams.delete(id);
}

/**
 * Stops the worker and forgets it (a job sent beside the queue ran past its caller's time
 * cap): every job it had settles with `reason`; the next job starts a fresh worker.
 */
export function restartWorker(reason: string): void {
  if (!worker) return;
  worker.terminate();
  worker = undefined;
  dropBeside(reason);
  if (current) finish({ id: current.id, error: reason });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
