import { useId } from 'react';
import { useScene } from '../../store';
import { viewTrainingStep } from '../../store/training/client';
import { rangeKeysStayLocal } from '../rangeKeys';

/**
 * The training-time scrubber: a slider over the snapshots kept while training (log-spaced
 * steps), so the whole scene shows the weights at any earlier step; "Latest" returns to
 * the weights training has now.
 */
export function TrainingScrubber() {
  const id = useId();
  const steps = useScene((s) => s.training.snapshotSteps);
  const viewStep = useScene((s) => s.training.viewStep);
  const latest = useScene((s) => s.training.step);
  if (steps.length < 2) return null;
  const index = viewStep === null ? steps.length - 1 : Math.max(0, steps.indexOf(viewStep));
  const shown = viewStep ?? latest;
  return (
    <div className="train-scrubber">
      <label htmlFor={id}>Training step</label>
      <input
        id={id}
        type="range"
        ref={rangeKeysStayLocal}
        min={0}
        max={steps.length - 1}
        step={1}
        value={index}
        aria-valuetext={`step ${shown}${viewStep === null ? ' (latest)' : ''}`}
        onChange={(e) => {
          const k = Number(e.currentTarget.value);
          viewTrainingStep(useScene, k === steps.length - 1 ? null : (steps[k] ?? null));
        }}
      />
      <output htmlFor={id}>
        step {shown}
        {viewStep === null ? ' (latest)' : ` of ${latest}`}
      </output>
      <button
        type="button"
        disabled={viewStep === null}
        onClick={() => viewTrainingStep(useScene, null)}
      >
        Latest
      </button>
    </div>
  );
}
