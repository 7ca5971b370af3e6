import { useId } from 'react';
import { usePane } from '../../hooks/usePaneRun';
import { useScene } from '../../store';
import type { PaneId } from '../../scene';
import { useModelIndex } from './useModelIndex';

/** Props of {@link TrainedModelSelect}. */
export interface TrainedModelSelectProps {
  paneId: PaneId;
}

const RANDOM = '';

/**
 * Chooses a pane's weights: drawn at random from the seed below, or one of the models
 * shipped in public/models, trained by `npm run train-models`. Choosing a trained model
 * also switches the input to a sample of its task.
 */
export function TrainedModelSelect({ paneId }: TrainedModelSelectProps) {
  const id = useId();
  const pane = usePane(paneId);
  const index = useModelIndex();
  if (!pane) return null;
  const entries = index.state === 'ready' ? index.entries : [];
  const known = entries.some((e) => e.id === pane.trained);
  const choose = (value: string) => {
    const entry = entries.find((e) => e.id === value);
    useScene.getState().setTrained(paneId, entry ?? null);
  };
  return (
    <div className="field field-stacked">
      <label htmlFor={id}>Weights</label>
      <select
        id={id}
        value={pane.trained}
        aria-describedby={index.state === 'error' ? `${id}-message` : undefined}
        onChange={(e) => choose(e.currentTarget.value)}
      >
        <option value={RANDOM}>Random, from the seed</option>
        {pane.trained && !known && <option value={pane.trained}>{pane.trained}</option>}
        {entries.map((entry) => (
          <option key={entry.id} value={entry.id}>
            Trained: {entry.title}
          </option>
        ))}
      </select>
      {index.state === 'error' && (
        <p id={`${id}-message`} className="field-message" role="alert">
          {index.message}
        </p>
      )}
    </div>
  );
}
