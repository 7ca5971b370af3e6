import type { CellType } from '../../engine';

/** What each trace quantity is called in words, for titles and accessible names. */
const QUANTITY_TITLES: Readonly<Record<string, string>> = {
  i: 'input gate',
  f: 'forget gate',
  g: 'candidate',
  o: 'output gate',
  c: 'cell state',
  h: 'hidden state',
  r: 'reset gate',
  z: 'update gate',
  n: 'candidate',
  pre: 'pre-activation',
};

/** Quantities a cell shows as heatmaps, in reading order: gates first, then the states. */
export const HEATMAP_QUANTITIES: Readonly<Record<CellType, readonly string[]>> = {
  lstm: ['f', 'i', 'g', 'o', 'c', 'h'],
  gru: ['r', 'z', 'n', 'h'],
  rnn: ['pre', 'h'],
};

/** Words for a quantity name ("forget gate"); the name itself when it is unknown. */
export function quantityTitle(name: string): string {
  return QUANTITY_TITLES[name] ?? name;
}

/** The accessible name of a quantity's heatmap: "Heatmap of f (forget gate)". */
export function heatmapLabel(name: string): string {
  return `Heatmap of ${name} (${quantityTitle(name)})`;
}
