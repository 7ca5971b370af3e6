import { usePaneRun } from '../../hooks/usePaneRun';
import { useScene } from '../../store';
import type { PaneId } from '../../scene';
import { ReadoutClasses } from './ReadoutClasses';
import { ReadoutValues } from './ReadoutValues';
import './readout.css';

/** Props of {@link ReadoutPanel}. */
export interface ReadoutPanelProps {
  paneId: PaneId;
}

/**
 * What a trained model answers at the current step: its read-out head y_t = W h_t + b
 * (softmax probabilities for a classifier, the value for a regression), beside the task's
 * target when the step is scored, and whether the answer counts as right (an imported
 * model's head has no task: no verdict). Nothing for a
 * pane with random weights, which has no head.
 */
export function ReadoutPanel({ paneId }: ReadoutPanelProps) {
  const run = usePaneRun(paneId);
  const t = useScene((s) => s.t);
  if (!run?.ok || !run.readout) return null;
  const { readout } = run;
  if (readout.problem) {
    return (
      <section className="readout" aria-label={`Read-out of model ${paneId}`} data-pane={paneId}>
        <p className="readout-title">
          <strong>Read-out</strong>: y = W·h + b, the head {readout.source}
        </p>
        <p className="readout-problem" role="alert">
          {readout.problem}
        </p>
      </section>
    );
  }
  const k = Math.min(Math.max(1, t), readout.y.length) - 1;
  const verdict = readout.correct[k];
  return (
    <section className="readout" aria-label={`Read-out of model ${paneId}`} data-pane={paneId}>
      <p className="readout-title">
        <strong>Read-out</strong> at step {k + 1}: y = W·h + b, the head {readout.source}
      </p>
      {readout.probabilities ? (
        <ReadoutClasses readout={readout} k={k} />
      ) : (
        <ReadoutValues readout={readout} k={k} />
      )}
      {readout.scored && (
        <p
          className="readout-verdict"
          data-verdict={verdict === null ? 'unscored' : String(verdict)}
        >
          {verdict === null
            ? 'Not scored at this step: the task asks for an answer at other steps.'
            : verdict
              ? '✓ Right at this step.'
              : '✗ Wrong at this step.'}
        </p>
      )}
    </section>
  );
}
