import type { PaneRun } from '../store';

/** A pane's run that failed or has not arrived yet. */
type FailedRun = Extract<PaneRun, { ok: false }>;

/**
 * Why a view other than the cell diagram has nothing to show for a pane: while the run is
 * on its way, what it waits for ("Loading the trained model…"); once it has failed, a
 * pointer to the diagram, which gives the whole reason and the fixes. (Each view printing
 * the whole reason made the same paragraph five times down the page.)
 */
export function runFailureNote(run: FailedRun): string {
  return run.loading ? run.error : 'the model could not run (the cell diagram says why).';
}
