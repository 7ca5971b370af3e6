import { retryTrainedModel, useScene, type RunFix } from '../store';
import type { PaneId } from '../scene';

/** Props of {@link RunFixes}. */
export interface RunFixesProps {
  /** The pane whose run failed. */
  paneId: PaneId;
  /** The ways out its run offers (none: nothing is drawn). */
  fixes: readonly RunFix[] | undefined;
}

/** A button's text for a fix: what one click will do. */
function fixLabel(fix: RunFix): string {
  if (fix.kind === 'retry') return 'Retry';
  if (fix.kind === 'input-kind') return fix.label;
  if (fix.kind === 'clear-interventions') return 'Remove the interventions';
  if (fix.kind === 'numbers') return 'Paste the numbers it was trained on';
  return fix.kind === 'random-weights' ? 'Use random weights' : `Rewrite the text as “${fix.text}”`;
}

/**
 * The buttons under a failed run's message, one per way out: load the trained model
 * again, run this input on random weights, or rewrite the text into a trained model's
 * alphabet. Each click acts at once; the message above says why it is needed.
 */
export function RunFixes({ paneId, fixes }: RunFixesProps) {
  if (!fixes || fixes.length === 0) return null;
  const apply = (fix: RunFix) => {
    const scene = useScene.getState();
    if (fix.kind === 'retry') void retryTrainedModel(fix.id);
    else if (fix.kind === 'random-weights') {
      scene.setTrained(paneId, null);
      scene.setImported(paneId, null);
    } else if (fix.kind === 'input-kind') scene.setInputKind(fix.input);
    else if (fix.kind === 'clear-interventions') scene.clearInterventions(paneId);
    else if (fix.kind === 'numbers') scene.setInputNumbers(fix.text);
    else scene.setInputText(fix.text);
  };
  return (
    <div className="run-fixes" role="group" aria-label={`Ways to run model ${paneId}`}>
      {fixes.map((fix) => (
        <button key={fix.kind} type="button" onClick={() => apply(fix)}>
          {fixLabel(fix)}
        </button>
      ))}
    </div>
  );
}
