import type { PaneSettings } from '../../scene';
import type { PaneRun } from '../../store';
import { formatCount } from '../../format/count';

/** A compare pane's region name: "Model A — LSTM" (letter, em dash, cell type upper-case). */
export function paneTitle(pane: Pick<PaneSettings, 'id' | 'cell'>): string {
  return `Model ${pane.id} — ${pane.cell.toUpperCase()}`;
}

/** "1,234 parameters" (one parameter: "1 parameter"). */
export function parametersText(count: number): string {
  return `${formatCount(count)} parameter${count === 1 ? '' : 's'}`;
}

/** Init schemes as the Init select names them. */
const INIT_NAMES: Readonly<Record<PaneSettings['init'], string>> = {
  pytorch: 'PyTorch default',
  xavier: 'Xavier',
  orthogonal: 'Orthogonal',
};

/**
 * Where a pane's weights come from, in a few words for its header: "Trained on “Remember
 * the first input”, T = 50" or "Random weights (seed 0, PyTorch default init, scale 1)".
 */
export function weightsText(pane: PaneSettings, run: PaneRun | undefined): string {
  if (pane.trained) {
    if (run?.ok && run.trained) {
      const { task, file } = run.trained;
      return `Trained on “${task.title}”, T = ${file.task.length}`;
    }
    if (!run || (!run.ok && run.loading)) return 'Trained weights, loading…';
    return 'Trained weights that cannot run on this input';
  }
  const scale = pane.weightScale === 1 ? '' : `, scale ${pane.weightScale}`;
  return `Random weights (seed ${pane.seed}, ${INIT_NAMES[pane.init]} init${scale})`;
}
