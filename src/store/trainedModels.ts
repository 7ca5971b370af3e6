/**
 * The shipped trained models (public/models/*.json), fetched on first use and kept for the
 * session. Derived data, never stored in the scene or the link: the scene names a model by
 * its id, and this cache turns the id into weights. Loading is asynchronous; listeners
 * (the app refreshes the panes that use the model) hear when a model is ready or failed.
 */
import type { CellType } from '../engine';
import type { LoadedModel, ModelFile, ModelIndexEntry } from '../io/modelFile';
import { MAIN_THREAD_MAX_FILE_BYTES } from './jobCost';
import { sendBeside } from './workerClient';

/** Where a trained model stands: being fetched, ready, or failed with a message for people. */
export type TrainedStatus =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly loaded: LoadedModel }
  | {
      readonly state: 'error';
      readonly message: string;
      /** True when trying again may help (a network failure or no answer in time). */
      readonly retry: boolean;
    };

/**
 * Fetches JSON from a URL relative to the app; tests replace it. `signal` aborts it (the
 * load's timeout).
 */
export type JsonFetcher = (url: string, signal?: AbortSignal) => Promise<unknown>;

/** How long a model file may take to arrive, in ms, unless the caller says otherwise. */
export const MODEL_TIMEOUT_MS = 30_000;

/** Options of {@link loadTrainedModel}. */
export interface LoadOptions {
  /** Ms before the load gives up with a message and a retry (default {@link MODEL_TIMEOUT_MS}). */
  readonly timeoutMs?: number;
}

let fetcher: JsonFetcher | null = null;
const statuses = new Map<string, TrainedStatus>();
const listeners = new Set<(id: string) => void>();
let index: Promise<ModelIndexEntry[]> | null = null;
let indexLoaded: ModelIndexEntry[] | null = null;

/** The model-file readers, loaded with the first model or index asked for (not on the first paint). */
type ModelIo = typeof import('../io/modelFetch') & typeof import('../io/modelFile');
let io: Promise<ModelIo> | null = null;
function modelIo(): Promise<ModelIo> {
  io ??= Promise.all([import('../io/modelFetch'), import('../io/modelFile')]).then(
    ([fetch, file]) => ({ ...fetch, ...file }),
  );
  return io;
}

/**
 * True in the single-file build (vite.single.config.ts): the shipped files are in the page
 * (./shippedFiles.ts), read there instead of fetched. False elsewhere, where the bundler
 * drops the code it guards.
 */
const SINGLE_FILE = typeof import.meta.env === 'object' && import.meta.env.MODE === 'single';

/** Shipped file `url`'s bytes: fetched, or in the single-file build read from the page. */
async function shippedBytes(url: string, signal?: AbortSignal): Promise<ArrayBuffer | Uint8Array> {
  if (SINGLE_FILE) return (await import('./shippedFiles')).shippedFileBytes(url);
  return (await modelIo()).fetchModelBytes(url, signal);
}

/** Base URL of the app's public files ('/' in dev, the deploy path in production). */
function base(): string {
  return typeof import.meta.env === 'object' ? (import.meta.env.BASE_URL ?? '/') : '/';
}

/**
 * Replaces how files are fetched, and forgets what was loaded (tests). The replacement
 * hands back parsed JSON, read here; the app's own fetcher reads the bytes in the worker.
 */
export function setJsonFetcher(next: JsonFetcher): void {
  fetcher = next;
  statuses.clear();
  index = null;
  indexLoaded = null;
}

/** Calls `listener(id)` whenever a model finishes loading or fails; returns the unsubscribe. */
export function onTrainedModelSettled(listener: (id: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The status of model `id`, starting its fetch on first ask. Synchronous, so derived data
 * can ask while rendering; the listeners hear when a 'loading' status changes.
 */
export function trainedModelStatus(id: string): TrainedStatus {
  const known = statuses.get(id);
  if (known) return known;
  void loadTrainedModel(id);
  return statuses.get(id) ?? { state: 'loading' };
}

/**
 * Fetches and validates model `id` (once); resolves to its status when settled. A file
 * that does not arrive within `options.timeoutMs` settles as an error with a retry.
 */
export async function loadTrainedModel(id: string, options?: LoadOptions): Promise<TrainedStatus> {
  const known = statuses.get(id);
  if (known && known.state !== 'loading') return known;
  if (known) return new Promise((resolve) => settleLater(id, resolve));
  statuses.set(id, { state: 'loading' });
  const ms = options?.timeoutMs ?? MODEL_TIMEOUT_MS;
  // The clock starts now, before the readers load: loading them counts against the time.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  const timedOut = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(new Error('timeout')));
  });
  timedOut.catch(() => undefined);
  let status: TrainedStatus;
  const io = await Promise.race([modelIo(), timedOut]).catch(() => null);
  try {
    if (!io) throw new Error('timeout');
    const url = io.modelFileUrl(id, base());
    const loaded = await Promise.race([loadFile(id, url, controller.signal), timedOut]);
    status = { state: 'ready', loaded };
  } catch (error) {
    const timeout = controller.signal.aborted;
    const reason = timeout
      ? `no answer within ${formatSeconds(ms)}; check the connection and retry.`
      : error instanceof Error
        ? error.message
        : String(error);
    const retry =
      timeout ||
      (io !== null &&
        error instanceof io.ModelLoadError &&
        (error.reason === 'network' || error.reason === 'timeout'));
    status = {
      state: 'error',
      message: `Could not load the trained model “${id}”: ${reason}`,
      retry,
    };
  } finally {
    clearTimeout(timer);
  }
  // A model trained here may have been given meanwhile (a link's weights): it stands.
  const meanwhile = statuses.get(id);
  if (meanwhile?.state === 'ready') return meanwhile;
  statuses.set(id, status);
  for (const listener of [...listeners]) listener(id);
  return status;
}

/** Forgets model `id`'s failure and loads it again (the Retry button); resolves when settled. */
export function retryTrainedModel(id: string, options?: LoadOptions): Promise<TrainedStatus> {
  if (statuses.get(id)?.state === 'error') statuses.delete(id);
  const settled = loadTrainedModel(id, options);
  // The panes showing the failure hear that the model is loading again.
  for (const listener of [...listeners]) listener(id);
  return settled;
}

/** "30 s", "0.5 s". */
function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toPrecision(2))} s`;
}

/**
 * Shows `loaded` as model `loaded.file.id` (a model trained in this page, whose weights
 * change as it trains): the panes that run it hear of it and run the new weights.
 */
export function setTrainedModel(loaded: LoadedModel): void {
  const { id } = loaded.file;
  statuses.set(id, { state: 'ready', loaded });
  for (const listener of [...listeners]) listener(id);
}

/** Model `id` from `url`: through a test's fetcher, else fetched and read in the worker. */
async function loadFile(id: string, url: string, signal: AbortSignal): Promise<LoadedModel> {
  const { parseModelFile, invalidFile, ModelLoadError, readModelBytes } = await modelIo();
  // Trained in a page, never on the server: this browser keeps it, or nobody does.
  if (id.includes('-here-')) return (await import('./trainedHere')).restoreTrainedHere(id);
  if (fetcher) {
    const json = await fetcher(url, signal);
    try {
      return parseModelFile(json, id);
    } catch (error) {
      throw invalidFile(error);
    }
  }
  // The single file's models are small and already in the page: read there.
  const file = SINGLE_FILE
    ? { ok: false as const, reason: 'not needed' }
    : await fetchInWorker(id, url, ModelLoadError);
  if (file.ok) return parseModelFile(file.file, id);
  // No worker: the page fetches the file, and reads it if it is small enough.
  const bytes = await shippedBytes(url, signal);
  if (bytes.byteLength > MAIN_THREAD_MAX_FILE_BYTES) {
    throw new ModelLoadError(
      'not-a-model',
      `the file (${Math.round(bytes.byteLength / 1e6)} MB) is too large to read on the page, and the background worker could not (${file.reason}).`,
    );
  }
  return readModelBytes(bytes, id);
}

/**
 * Model `id`'s file fetched, read and checked in the worker (a file of tens of MB would
 * hold the page for seconds), or why the worker could not (then the page tries). Rejects
 * with a ModelLoadError when the file itself was refused.
 */
function fetchInWorker(
  id: string,
  url: string,
  ModelLoadError: ModelIo['ModelLoadError'],
): Promise<{ ok: true; file: ModelFile } | { ok: false; reason: string }> {
  // The worker resolves URLs against its own script's: give it an absolute one.
  const absolute = typeof document === 'object' ? new URL(url, document.baseURI).href : url;
  return new Promise((resolve, reject) => {
    const sent = sendBeside({ job: { kind: 'model', url: absolute, modelId: id } }, (answer) => {
      if ('file' in answer) resolve({ ok: true, file: answer.file });
      else if ('refused' in answer) {
        reject(new ModelLoadError(answer.refused.reason, answer.refused.message));
      } else resolve({ ok: false, reason: 'error' in answer ? answer.error : 'it sent no file' });
    });
    if (!sent) resolve({ ok: false, reason: 'there is none' });
  });
}

/** Resolves once model `id` has settled. */
function settleLater(id: string, resolve: (status: TrainedStatus) => void): void {
  const off = onTrainedModelSettled((settled) => {
    if (settled !== id) return;
    off();
    resolve(statuses.get(id) as TrainedStatus);
  });
}

/** The list of shipped models (public/models/index.json), fetched once. */
export function loadModelIndex(): Promise<ModelIndexEntry[]> {
  const url = `${base()}models/index.json`;
  index ??= modelIo().then(async ({ readJsonBytes, parseModelIndex }) => {
    const entries = await (fetcher ? fetcher(url) : shippedBytes(url).then(readJsonBytes));
    indexLoaded = parseModelIndex(entries);
    return indexLoaded;
  });
  return index;
}

/** The list of shipped models if it has arrived, else null (and its fetch is started). */
export function knownModelIndex(): readonly ModelIndexEntry[] | null {
  if (!indexLoaded) loadModelIndex().catch(() => undefined);
  return indexLoaded;
}

/**
 * The shipped model of cell `cell` trained on the same task and length as model `id`
 * (the same depth if there is one, else one layer), or null: what a new compare pane runs
 * beside a trained one. Needs the index ({@link knownModelIndex}); null until it is known.
 */
export function matchingTrainedModel(id: string, cell: CellType): ModelIndexEntry | null {
  const entries = knownModelIndex();
  const of = entries?.find((e) => e.id === id);
  if (!entries || !of) return null;
  const same = entries.filter(
    (e) => e.task === of.task && e.length === of.length && e.cell === cell,
  );
  return (
    same.find((e) => e.numLayers === of.numLayers) ?? same.find((e) => e.numLayers === 1) ?? null
  );
}
