import type { PaneId, PaneSettings } from '../../scene';

/**
 * One colour per pane, from the Okabe–Ito palette (distinct under the common colour-vision
 * deficiencies): blue, vermillion, bluish green. Each keeps 3:1 contrast as a line on both
 * the light (#ffffff) and the dark (#111a2e) panel.
 */
export const PANE_COLORS: Readonly<Record<PaneId, string>> = {
  A: '#0072B2',
  B: '#D55E00',
  C: '#009E73',
};

const CELL_NAMES = { rnn: 'RNN', lstm: 'LSTM', gru: 'GRU' } as const;

/** A pane's name in legends and captions: "A — LSTM", "B — RNN (relu)". */
export function paneLabel(pane: Pick<PaneSettings, 'id' | 'cell' | 'nonlinearity'>): string {
  const relu = pane.cell === 'rnn' && pane.nonlinearity === 'relu' ? ' (relu)' : '';
  return `${pane.id} — ${CELL_NAMES[pane.cell]}${relu}`;
}
