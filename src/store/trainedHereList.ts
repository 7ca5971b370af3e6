/**
 * The list of models trained here that this browser keeps, for the Weights select: plain
 * entries only (id and a label), so the select can show them without loading the model
 * files' readers on the first paint. ./trainedHere.ts fills it when it restores or keeps one.
 */

import type { TrainedChoice } from './panesSlice';

/** One model trained here, as the Weights select lists it and a pane chooses it. */
export interface TrainedHereEntry extends Readonly<TrainedChoice> {
  /** Its id, `${task}-${T}-${cell}-here-xxxxxxx`: the pane's `trained` key. */
  readonly id: string;
  /** "LSTM: remember first, T = 20 — step 225, 96%". */
  readonly label: string;
  /** The model file's title, for the option's tooltip. */
  readonly title: string;
}

let entries: readonly TrainedHereEntry[] = [];
const listeners = new Set<() => void>();

/** Every kept model trained here, oldest first. */
export function trainedHereEntries(): readonly TrainedHereEntry[] {
  return entries;
}

/** Adds or replaces entries (by id) and tells the listeners. */
export function listTrainedHere(added: readonly TrainedHereEntry[]): void {
  const ids = new Set(added.map((e) => e.id));
  entries = [...entries.filter((e) => !ids.has(e.id)), ...added];
  for (const listener of [...listeners]) listener();
}

/** Calls `listener` when the list changes; returns the unsubscribe. */
export function onTrainedHereListed(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
