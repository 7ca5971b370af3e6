/**
 * Loading the user's model files into a pane: reads the files, imports them (in the
 * worker), runs the first recurrent stack found in the pane, and keeps a status for people
 * ("Reading m.pt…", what was found, or why nothing was). Page state, not scene state: it is
 * never in the link.
 */
import { create } from 'zustand';
import { importFiles, useScene, type ImportedChoice, type ImportedEntry } from '../../store';
import type { InputSettings, PaneId } from '../../scene';

/** What the last load said: nothing yet, reading, done (with what was found), or refused. */
export type ImportStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'reading'; readonly message: string }
  | { readonly state: 'done'; readonly message: string }
  | { readonly state: 'error'; readonly message: string };

/** The status of the last model-file load, per pane. */
export const useImportStatus = create<{ byPane: Partial<Record<PaneId, ImportStatus>> }>(() => ({
  byPane: {},
}));

function setStatus(paneId: PaneId, status: ImportStatus): void {
  useImportStatus.setState((s) => ({ byPane: { ...s.byPane, [paneId]: status } }));
}

/** What the store needs to run `entry` in a pane, with an input it can read if the current one cannot. */
export function choiceOf(entry: ImportedEntry, input: InputSettings): ImportedChoice {
  const { cell, nonlinearity, convention, inputSize } = entry.model.spec;
  const assumed = entry.imported.assumed.includes('nonlinearity');
  let kind: InputSettings['kind'] | undefined;
  if (entry.imported.embedding) kind = 'text';
  // The user's own numbers stay: a width that differs is refused with the reason.
  else if (input.kind === 'numbers') kind = undefined;
  else if (inputSize === 1)
    kind = input.kind === 'text' || input.kind === 'task' ? 'sine' : undefined;
  else if (entry.imported.vocabulary?.length === inputSize) kind = 'text';
  else kind = 'noise';
  return {
    id: entry.id,
    name: `${entry.fileName} — ${entry.imported.name}`,
    cell,
    convention,
    ...(assumed ? {} : { nonlinearity }),
    ...(kind && kind !== input.kind ? { input: { kind } } : {}),
  };
}

/** "gru1 (shown), gru2": the stacks found, the one shown first. */
function foundText(entries: readonly ImportedEntry[]): string {
  const names = entries.map((e, k) => (k === 0 ? `${e.imported.name} (shown)` : e.imported.name));
  if (entries.length === 1) return `${entries[0]!.imported.format}: ${names[0]}.`;
  return `${entries.length} recurrent stacks found: ${names.join(', ')}. Choose another under Weights.`;
}

/**
 * Loads `files` into pane `paneId`: on success the pane runs the first recurrent stack
 * found (every one is listed under Weights); on failure the message names the file and
 * the scene stays as it was.
 */
export async function loadModelFiles(paneId: PaneId, files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  const label = files.map((f) => f.name).join(', ');
  setStatus(paneId, { state: 'reading', message: `Reading ${label}…` });
  try {
    const read = await Promise.all(
      files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    );
    const entries = await importFiles(read);
    const [first] = entries;
    if (!first) throw new Error(`${label}: no recurrent layer was found.`);
    const scene = useScene.getState();
    scene.setImported(paneId, choiceOf(first, scene.input));
    setStatus(paneId, {
      state: 'done',
      message: `Loaded ${first.fileName}. ${foundText(entries)}`,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    setStatus(paneId, { state: 'error', message: `Nothing was loaded. ${message}` });
  }
}
