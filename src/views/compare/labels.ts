import type { PaneSettings } from '../../scene';
import { formatCount } from '../../format/count';

/** A compare pane's region name: "Model A — LSTM" (letter, em dash, cell type upper-case). */
export function paneTitle(pane: Pick<PaneSettings, 'id' | 'cell'>): string {
  return `Model ${pane.id} — ${pane.cell.toUpperCase()}`;
}

/** "1,234 parameters" (one parameter: "1 parameter"). */
export function parametersText(count: number): string {
  return `${formatCount(count)} parameter${count === 1 ? '' : 's'}`;
}
