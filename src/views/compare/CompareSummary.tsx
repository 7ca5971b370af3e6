import { SummaryRow } from './SummaryRow';
import { TIMED_SAMPLES } from './summary';
import { usePaneSummaries } from './useSummaries';

/**
 * The compare summary table: per pane its parameter count, the measured time of one
 * forward + backward pass in this browser, ‖h_T‖ and ‖∂h_T/∂h_0‖ — the numbers behind
 * "the GRU is a simplified LSTM, a little cheaper, with no clear winner". The measured
 * columns read "measuring…" until they are computed, after paint.
 */
export function CompareSummary() {
  const rows = usePaneSummaries();
  const layers = [...new Set(rows.map((r) => r.layer))].join(', ');
  const layerNote = rows.some((r) => r.pane.numLayers > 1) ? ` (layer ${layers})` : '';
  const busy = rows.some((r) => r.msPerPass === undefined || r.jacobianAll === undefined);
  return (
    <div className="compare-summary" aria-busy={busy}>
      <table>
        <caption>Cost and gradient flow of each model on this input</caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Parameters</th>
            <th scope="col">Forward + backward</th>
            <th scope="col">
              ‖h<sub>T</sub>‖
            </th>
            <th scope="col">
              ‖∂h<sub>T</sub>/∂h<sub>0</sub>‖{layerNote}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <SummaryRow key={row.pane.id} row={row} />
          ))}
        </tbody>
      </table>
      <p className="hint">
        Time: median of {TIMED_SAMPLES} measurements in this browser. ‖h<sub>T</sub>‖: size of the
        top layer&apos;s final state. ‖∂h<sub>T</sub>/∂h<sub>0</sub>‖: how much the starting state
        still moves the final one, back through all T steps (tiny: vanishing).
      </p>
    </div>
  );
}
