import type { PaneRun } from '../../store';

/** Props of {@link TrainedModelNote}. */
export interface TrainedModelNoteProps {
  /** The pane's run: its trained model, still loading, or why it cannot run. */
  run: PaneRun | undefined;
}

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

/**
 * What a trained pane runs: the task it learned, its held-out accuracy beside chance, and
 * that changing a setting below goes back to random weights.
 */
export function TrainedModelNote({ run }: TrainedModelNoteProps) {
  if (!run) return null;
  if (!run.ok) {
    return (
      <p className="field-hint" role={run.loading ? 'status' : 'alert'}>
        {run.error}
      </p>
    );
  }
  if (!run.trained) return null;
  const { file } = run.trained;
  return (
    <p className="field-hint trained-note">
      Trained on “{run.trained.task.title}” (T = {String(file.task.length)}): held-out accuracy{' '}
      {percent(file.metrics.accuracy)}, chance {percent(file.metrics.chance)}. Changing a setting
      below goes back to random weights.
    </p>
  );
}
