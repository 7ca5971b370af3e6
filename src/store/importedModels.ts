/**
 * The models imported from the user's own files (PyTorch, Keras, ONNX, TF.js …): read in
 * the worker, built once here, kept in this browser across reloads (IndexedDB). Derived
 * data, never stored in the scene: a pane names its imported model by a local id
 * (`PaneSettings.imported`), and this registry turns the id into weights.
 */
import {
  createHead,
  createModel,
  type Head,
  type Model,
  type ModelSpec,
  type Nonlinearity,
} from '../engine';
import { crc32 } from '../io/compress';
import type { ImportedModel, ImportFile } from '../io/import/types';
import { restartWorker, sendBeside, workerHealth } from './workerClient';

/** Why there is no worker, in words. */
function workerHealthText(): string {
  const health = workerHealth();
  return health.state === 'failed' ? health.reason : 'Web Workers are missing';
}

/** One imported recurrent stack, ready to run. Never mutated. */
export interface ImportedEntry {
  /** Local id, 'imp-' and 7 base-36 digits of a CRC-32 of the file name and the model. */
  readonly id: string;
  /** Name of the file it came from (the first file, for a model.json with shards). */
  readonly fileName: string;
  /** The importer's result: spec, PyTorch-named weights, embedding, head, notes. */
  readonly imported: ImportedModel;
  /** The recurrent model as the file defines it (the assumed nonlinearity: see {@link modelWith}). */
  readonly model: Model;
  /** The read-out on the stack's outputs, or null when the file has none. */
  readonly head: Head | null;
}

/** The code that adapts inputs and reads heads of imported models (loaded with the first one). */
export type ImportedRuntime = typeof import('./importedRun');

/** Where an imported model stands: ready, being restored from this browser, or not here. */
export type ImportedStatus =
  | { readonly state: 'ready'; readonly entry: ImportedEntry; readonly runtime: ImportedRuntime }
  | { readonly state: 'loading' }
  | { readonly state: 'missing' };

/** How long reading files may take in the worker before it is stopped, ms (time cap). */
export const IMPORT_TIMEOUT_MS = 60_000;

const entries = new Map<string, ImportedEntry>();
let runtime: ImportedRuntime | null = null;
let runtimeLoading: Promise<void> | null = null;

/** Loads the imported-model runtime once (not on the first paint); the panes hear when it is here. */
function loadRuntime(): Promise<void> {
  runtimeLoading ??= import('./importedRun').then((module) => {
    runtime = module;
    notify();
  });
  return runtimeLoading;
}
const listeners = new Set<() => void>();
let restoring: Promise<void> | null = null;
let restored = false;

/** Calls `listener` whenever the list of imported models changes; returns the unsubscribe. */
export function onImportedModelsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const listener of [...listeners]) listener();
}

/** Every imported model in this browser, oldest first. */
export function importedModels(): readonly ImportedEntry[] {
  return [...entries.values()];
}

/**
 * Gives imported model `id` the vocabulary the user typed (token k has id k; `null`
 * forgets it), for a file that did not record one; kept in this browser. The panes that
 * run it hear of the change.
 */
export function setImportedVocabulary(id: string, vocabulary: string[] | null): void {
  const entry = entries.get(id);
  if (!entry) return;
  const imported = { ...entry.imported };
  if (vocabulary) imported.vocabulary = vocabulary;
  else delete imported.vocabulary;
  const next = Object.freeze({ ...entry, imported });
  entries.set(id, next);
  notify();
  void persist([next]);
}

/** The status of imported model `id`, starting the restore from IndexedDB on first ask. */
export function importedModelStatus(id: string): ImportedStatus {
  const entry = entries.get(id);
  if (entry && runtime) return { state: 'ready', entry, runtime };
  if (entry) {
    void loadRuntime();
    return { state: 'loading' };
  }
  if (!restored) {
    void restoreImportedModels();
    return restored ? importedModelStatus(id) : { state: 'loading' };
  }
  return { state: 'missing' };
}

/** The entry for a converted model: its id, built model and head. Throws on a model the engine refuses. */
export function entryOf(fileName: string, imported: ImportedModel): ImportedEntry {
  const model = createModel(imported.spec, imported.params);
  const head = imported.head ? createHead(imported.head.weight, imported.head.bias) : null;
  const digest = crc32(
    `${fileName}\n${imported.name}\n${JSON.stringify(imported.spec)}\n${JSON.stringify(imported.params)}`,
  );
  const id = `imp-${digest.toString(36).padStart(7, '0')}`;
  return Object.freeze({ id, fileName, imported, model, head });
}

/**
 * The entry's model with the nonlinearity the user chose, where the file does not record
 * it (a PyTorch RNN state dict); the model itself otherwise. Memoized per entry and choice.
 */
export function modelWith(entry: ImportedEntry, nonlinearity: Nonlinearity): Model {
  const spec = entry.model.spec;
  if (spec.cell !== 'rnn' || spec.nonlinearity === nonlinearity) return entry.model;
  if (!entry.imported.assumed.includes('nonlinearity')) return entry.model;
  const key = `${entry.id}:${nonlinearity}`;
  let model = variants.get(key);
  if (!model) {
    model = createModel(
      { ...(entry.imported.spec as ModelSpec), nonlinearity },
      entry.imported.params,
    );
    variants.set(key, model);
  }
  return model;
}
const variants = new Map<string, Model>();

/**
 * Reads the user's files (in the worker; on the page only when there is no worker and the
 * files are small), converts every recurrent stack in them, keeps each in this browser and
 * resolves to their entries, in file order. Rejects with an Error whose message names the
 * file (what was expected, what was found) and leaves every earlier import as it was.
 */
export async function importFiles(files: readonly ImportFile[]): Promise<ImportedEntry[]> {
  if (files.length === 0) throw new Error('No file was chosen.');
  return registerImported(files[0]!.name, await readInWorker(files));
}

/**
 * Builds, keeps (here and in this browser) and returns the entries of models converted
 * from file `fileName`, in order. Throws an Error naming the file and the model when the
 * engine refuses one; then none of them is kept.
 */
export async function registerImported(
  fileName: string,
  models: readonly ImportedModel[],
): Promise<ImportedEntry[]> {
  const built: ImportedEntry[] = [];
  for (const imported of models) {
    try {
      built.push(entryOf(fileName, imported));
    } catch (error) {
      throw new Error(
        `${fileName}: ${imported.name} was read but cannot be run: ${messageOf(error)}`,
      );
    }
  }
  await loadRuntime();
  for (const entry of built) entries.set(entry.id, entry);
  notify();
  void persist(built);
  return built;
}

/** Forgets imported model `id` here and in this browser's storage. */
export async function removeImportedModel(id: string): Promise<void> {
  if (!entries.delete(id)) return;
  notify();
  const db = await storage();
  await db?.del(id);
}

/** The converted models of `files`, read in the worker or, failing that, on the page. */
function readInWorker(files: readonly ImportFile[]): Promise<ImportedModel[]> {
  // Copies, moved to the worker: the caller's buffers stay usable.
  const copies = files.map((f) => ({ name: f.name, bytes: f.bytes.slice() }));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      restartWorker('reading a model file took too long');
    }, IMPORT_TIMEOUT_MS);
    const sent = sendBeside(
      { job: { kind: 'import', files: copies } },
      (answer) => {
        clearTimeout(timer);
        if ('imported' in answer) resolve(answer.imported);
        else if ('refused' in answer) reject(new Error(answer.refused.message));
        else if ('error' in answer && answer.error.includes('took too long')) {
          reject(
            new Error(
              `${files[0]!.name}: reading it took longer than ${IMPORT_TIMEOUT_MS / 1000} s and was stopped.`,
            ),
          );
        } else
          reject(
            new Error(
              `${files[0]!.name}: the background worker failed (${'error' in answer ? answer.error : 'no answer'}).`,
            ),
          );
      },
      copies.map((f) => f.bytes.buffer),
    );
    if (sent) return;
    clearTimeout(timer);
    // The parsers run only in the worker: never a frozen page on a file of tens of MB.
    reject(
      new Error(
        `${files[0]!.name}: model files are read in the background worker, which is not available in this browser (${workerHealthText()}).`,
      ),
    );
  });
}

/** What IndexedDB keeps per imported model: the file's name and the converted model. */
interface Stored {
  fileName: string;
  imported: ImportedModel;
}

/** This browser's store of imported models (idb-keyval, loaded on first use), or null without IndexedDB. */
async function storage() {
  if (typeof indexedDB === 'undefined') return null;
  try {
    const idb = await import('idb-keyval');
    const store = idb.createStore('gatescope', 'imported-models');
    return {
      set: (key: string, value: Stored) => idb.set(key, value, store),
      del: (key: string) => idb.del(key, store),
      entries: () => idb.entries<string, Stored>(store),
    };
  } catch {
    return null;
  }
}

/** Keeps the entries in this browser; failures (private mode, quota) only cost persistence. */
async function persist(built: readonly ImportedEntry[]): Promise<void> {
  try {
    const db = await storage();
    for (const entry of built) {
      await db?.set(entry.id, { fileName: entry.fileName, imported: entry.imported });
    }
  } catch (error) {
    console.warn('Imported models could not be kept in this browser:', error);
  }
}

/** Loads the models imported in earlier visits (once); entries that no longer build are dropped. */
export function restoreImportedModels(): Promise<void> {
  restoring ??= (async () => {
    try {
      const db = await storage();
      for (const [id, stored] of (await db?.entries()) ?? []) {
        try {
          const entry = entryOf(stored.fileName, stored.imported);
          if (entry.id === id) entries.set(id, entry);
          else await db?.del(id);
        } catch {
          await db?.del(id);
        }
      }
    } catch (error) {
      console.warn('Imported models kept in this browser could not be read:', error);
    } finally {
      restored = true;
      if (entries.size > 0) await loadRuntime().catch(() => undefined);
      notify();
    }
  })();
  return restoring;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
