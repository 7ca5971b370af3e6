/**
 * The shipped trained models (public/models/*.json), fetched on first use and kept for the
 * session. Derived data, never stored in the scene or the link: the scene names a model by
 * its id, and this cache turns the id into weights. Loading is asynchronous; listeners
 * (the app refreshes the panes that use the model) hear when a model is ready or failed.
 */
import type { CellType } from '../engine';
import {
  modelFileUrl,
  parseModelFile,
  parseModelIndex,
  type LoadedModel,
  type ModelIndexEntry,
} from '../io/modelFile';

/** Where a trained model stands: being fetched, ready, or failed with a message for people. */
export type TrainedStatus =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly loaded: LoadedModel }
  | { readonly state: 'error'; readonly message: string };

/** Fetches JSON from a URL relative to the app; tests replace it. */
export type JsonFetcher = (url: string) => Promise<unknown>;

const fetchJson: JsonFetcher = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  return response.json();
};

let fetcher: JsonFetcher = fetchJson;
const statuses = new Map<string, TrainedStatus>();
const listeners = new Set<(id: string) => void>();
let index: Promise<ModelIndexEntry[]> | null = null;
let indexLoaded: ModelIndexEntry[] | null = null;

/** Base URL of the app's public files ('/' in dev, the deploy path in production). */
function base(): string {
  return typeof import.meta.env === 'object' ? (import.meta.env.BASE_URL ?? '/') : '/';
}

/** Replaces how files are fetched, and forgets what was loaded (tests). */
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

/** Fetches and validates model `id` (once); resolves to its status when settled. */
export async function loadTrainedModel(id: string): Promise<TrainedStatus> {
  const known = statuses.get(id);
  if (known && known.state !== 'loading') return known;
  if (known) return new Promise((resolve) => settleLater(id, resolve));
  statuses.set(id, { state: 'loading' });
  let status: TrainedStatus;
  try {
    const json = await fetcher(modelFileUrl(id, base()));
    status = { state: 'ready', loaded: parseModelFile(json) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    status = { state: 'error', message: `Could not load the trained model “${id}”: ${reason}` };
  }
  statuses.set(id, status);
  for (const listener of [...listeners]) listener(id);
  return status;
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
  index ??= fetcher(`${base()}models/index.json`).then((json) => {
    indexLoaded = parseModelIndex(json);
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
