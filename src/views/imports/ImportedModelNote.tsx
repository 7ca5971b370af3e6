import { removeImportedModel, useScene, type ImportedEntry } from '../../store';
import type { PaneId } from '../../scene';

/** Props of {@link ImportedModelNote}. */
export interface ImportedModelNoteProps {
  paneId: PaneId;
  /** The imported model the pane runs. */
  entry: ImportedEntry;
}

/** "2 layers × 256 units, bidirectional": an imported model's shape in words. */
function shapeText(entry: ImportedEntry): string {
  const { cell, inputSize, hiddenSize, numLayers, bidirectional, projSize } = entry.model.spec;
  const layers = `${numLayers} layer${numLayers === 1 ? '' : 's'} × ${hiddenSize} units`;
  const extra = [bidirectional ? 'bidirectional' : '', projSize ? `projected to ${projSize}` : '']
    .filter(Boolean)
    .join(', ');
  return `${cell.toUpperCase()}, ${inputSize} input feature${inputSize === 1 ? '' : 's'}, ${layers}${extra ? `, ${extra}` : ''}`;
}

/**
 * What an imported pane runs: the file and its format, the model's shape, what was
 * converted on the way in (gate orders, biases, activations), what the file did not say
 * and was assumed, and a button to remove the model from this browser.
 */
export function ImportedModelNote({ paneId, entry }: ImportedModelNoteProps) {
  const { imported } = entry;
  const remove = () => {
    useScene.getState().setImported(paneId, null);
    void removeImportedModel(entry.id);
  };
  return (
    <div className="field-hint imported-note">
      <p>
        <strong>{entry.fileName}</strong> · {imported.name} · {imported.format}
      </p>
      <p>{shapeText(entry)}.</p>
      {imported.notes.length > 0 && (
        <ul aria-label="What was converted">
          {imported.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {imported.assumed.length > 0 && (
        <p>
          Not recorded in the file, assumed: {imported.assumed.join(', ')}
          {imported.assumed.includes('nonlinearity') ? ' (change it under Nonlinearity)' : ''}.
        </p>
      )}
      <button type="button" className="small" onClick={remove}>
        Remove imported model
      </button>
    </div>
  );
}
