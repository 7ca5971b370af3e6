import { useId, useRef, useState } from 'react';
import { useScene } from '../../store';
import type { PaneId } from '../../scene';
import {
  exportGradientCsv,
  exportPicture,
  exportTraceCsv,
  exportWeights,
  type PictureFormat,
} from './exporters';
import { targetOptions } from './targets';
import './exports.css';

/** Props of {@link ExportMenu}. */
export interface ExportMenuProps {
  /** The pane whose pictures, trace and weights are exported. */
  paneId: PaneId;
}

/**
 * The export controls of one pane: an "Export target" select (the cell diagram, each
 * heatmap of the selected layer, the vanishing-gradient plot) with "Export PNG" (2×) and
 * "Export SVG", then "Export CSV" (the trace), "Export gradient CSV" and "Export weights"
 * (PyTorch-named JSON). Each click downloads a file of the scene as it is now; a failure
 * (say, the target's view is hidden) shows a message, never a blank page.
 */
export function ExportMenu({ paneId }: ExportMenuProps) {
  const cell = useScene((s) => s.panes.find((p) => p.id === paneId)?.cell);
  const [chosen, setChosen] = useState('diagram');
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const selectId = useId();
  if (!cell) return null;

  const options = targetOptions(cell);
  const selected = options.find((o) => o.value === chosen) ?? options[0]!;

  /** Runs one export at a time and reports its file name or its error. */
  const run = async (action: () => string | Promise<string>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setStatus('');
    try {
      const filename = await action();
      setError(null);
      setStatus(`Saved ${filename}.`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };
  const exportAs = (format: PictureFormat) =>
    run(() => exportPicture(useScene.getState(), paneId, selected.target, format));

  return (
    <fieldset className="export-menu" aria-busy={busy}>
      <legend>Export pane {paneId}</legend>
      <div className="export-row">
        <label htmlFor={selectId}>Export target</label>
        <select id={selectId} value={selected.value} onChange={(e) => setChosen(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="export-row export-buttons">
        <button type="button" onClick={() => exportAs('png')}>
          Export PNG
        </button>
        <button type="button" onClick={() => exportAs('svg')}>
          Export SVG
        </button>
      </div>
      <div className="export-row export-buttons">
        <button
          type="button"
          onClick={() => run(() => exportTraceCsv(useScene.getState(), paneId))}
        >
          Export CSV
        </button>
        <button type="button" onClick={() => run(() => exportGradientCsv(useScene.getState()))}>
          Export gradient CSV
        </button>
        <button type="button" onClick={() => run(() => exportWeights(useScene.getState(), paneId))}>
          Export weights
        </button>
      </div>
      <p className="export-status" role="status">
        {busy ? 'Exporting…' : status}
      </p>
      {error && (
        <p className="export-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
