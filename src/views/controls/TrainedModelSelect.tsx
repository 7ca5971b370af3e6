import { useId } from 'react';
import type { ModelTaskName } from '../../engine';
import type { ModelIndexEntry } from '../../io/modelFile';
import { usePane } from '../../hooks/usePaneRun';
import { useScene } from '../../store';
import { choiceOf } from '../imports/importStatus';
import { useImportedModels } from '../imports/useImportedModels';
import type { PaneId } from '../../scene';
import { useModelIndex } from './useModelIndex';
import { useTrainedHere } from './useTrainedHere';

/** Props of {@link TrainedModelSelect}. */
export interface TrainedModelSelectProps {
  paneId: PaneId;
}

const RANDOM = '';
/** Option values of imported models: this prefix and the model's local id. */
const IMPORTED = 'import:';

/** A task in a word or two, for the short labels of the Weights select. */
const TASK_WORDS = {
  'remember-first': 'remember first',
  adding: 'adding',
  'sine-next': 'sine wave',
  'next-char': 'next char',
  parity: 'parity',
  numbers: 'your numbers',
} as const satisfies Record<ModelTaskName, string>;

/**
 * A trained model in a few words ("2-layer LSTM: next char, T = 40"), so that the closed
 * select shows the whole choice on a 360 px phone; its full title is the option's tooltip,
 * and the note under the select says what the chosen model learned.
 */
function shortModelLabel(entry: ModelIndexEntry): string {
  const layers = entry.numLayers > 1 ? `${String(entry.numLayers)}-layer ` : '';
  return `${layers}${entry.cell.toUpperCase()}: ${TASK_WORDS[entry.task]}, T = ${String(entry.length)}`;
}

/**
 * Chooses a pane's weights: drawn at random from the seed below, or one of the models
 * shipped in public/models, trained by `npm run train-models`, listed under "Trained
 * models" in a few words each (shortModelLabel). Choosing a trained model also switches
 * the input to a sample of its task.
 */
export function TrainedModelSelect({ paneId }: TrainedModelSelectProps) {
  const id = useId();
  const pane = usePane(paneId);
  const index = useModelIndex();
  const imported = useImportedModels();
  const here = useTrainedHere();
  if (!pane) return null;
  const entries = index.state === 'ready' ? index.entries : [];
  const known = [...entries, ...here].some((e) => e.id === pane.trained);
  const value = pane.imported ? `${IMPORTED}${pane.imported}` : pane.trained;
  const importedKnown = imported.some((e) => e.id === pane.imported);
  const choose = (chosen: string) => {
    const scene = useScene.getState();
    if (chosen.startsWith(IMPORTED)) {
      const entry = imported.find((e) => `${IMPORTED}${e.id}` === chosen);
      if (entry) scene.setImported(paneId, choiceOf(entry, scene.input));
      return;
    }
    scene.setImported(paneId, null);
    const entry = [...entries, ...here].find((e) => e.id === chosen);
    scene.setTrained(paneId, entry ?? null);
  };
  return (
    <div className="field field-stacked">
      <label htmlFor={id}>Weights</label>
      <select
        id={id}
        value={value}
        aria-describedby={index.state === 'error' ? `${id}-message` : undefined}
        onChange={(e) => choose(e.currentTarget.value)}
      >
        <option value={RANDOM}>Random, from the seed</option>
        {pane.trained && !known && (
          <option value={pane.trained}>
            {pane.trained.includes('-here-') ? 'Training here…' : pane.trained}
          </option>
        )}
        {pane.imported && !importedKnown && (
          <option value={value}>Imported model (not in this browser)</option>
        )}
        {imported.length > 0 && (
          <optgroup label="Imported models">
            {imported.map((entry) => (
              <option key={entry.id} value={`${IMPORTED}${entry.id}`} title={entry.imported.format}>
                {entry.fileName} — {entry.imported.name}
              </option>
            ))}
          </optgroup>
        )}
        {here.length > 0 && (
          <optgroup label="Trained here">
            {here.map((entry) => (
              <option key={entry.id} value={entry.id} title={entry.title}>
                {entry.label}
              </option>
            ))}
          </optgroup>
        )}
        {entries.length > 0 && (
          <optgroup label="Trained models">
            {entries.map((entry) => (
              <option key={entry.id} value={entry.id} title={entry.title}>
                {shortModelLabel(entry)}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      {index.state === 'error' && (
        <p id={`${id}-message`} className="field-message" role="alert">
          {index.message}
        </p>
      )}
    </div>
  );
}
