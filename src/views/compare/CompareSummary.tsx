import { PHONE_QUERY, useMediaMatch } from '../useMediaMatch';
import { paneName, summaryColumns } from './summaryColumns';
import { SummaryRow } from './SummaryRow';
import { TIMED_SAMPLES } from './summary';
import { usePaneSummaries } from './useSummaries';

/**
 * The compare summary table: per pane its parameter count, the multiply-adds of one step
 * (a cost that does not vary), the measured time of one forward + backward pass in this
 * browser with its spread, a trained pane's held-out accuracy and loss, ‖h_T‖ and
 * ‖∂h_T/∂h_1‖ — the numbers behind "which is better here, and why". The measured columns
 * read "measuring…" until they are computed, after paint. On a phone the table turns
 * (a row per quantity, a column per model), so that it fits the screen's width.
 */
export function CompareSummary() {
  const rows = usePaneSummaries();
  const layers = [...new Set(rows.map((r) => r.layer))].join(', ');
  const layerNote = rows.some((r) => r.pane.numLayers > 1) ? ` (layer ${layers})` : '';
  const busy = rows.some((r) => r.msPerPass === undefined || r.fromStep1 === undefined);
  const failures = rows.filter((r) => r.failure !== null);
  const columns = summaryColumns(
    layerNote,
    rows.some((r) => r.stepsToTarget !== undefined),
  );
  const turned = useMediaMatch(PHONE_QUERY);
  return (
    <div className="compare-summary" aria-busy={busy}>
      <table>
        <caption>Cost, skill and gradient flow of each model on this input</caption>
        {turned ? (
          <>
            <thead>
              <tr>
                <th scope="col">Quantity</th>
                {rows.map((row) => (
                  <th key={row.pane.id} scope="col">
                    {paneName(row)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {columns.map((column) => (
                <tr key={column.key}>
                  <th scope="row">{column.header}</th>
                  {rows.map((row) => (
                    <td key={row.pane.id} className={column.pending?.(row) ? 'pending' : undefined}>
                      {column.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </>
        ) : (
          <>
            <thead>
              <tr>
                <th scope="col">Model</th>
                {columns.map((column) => (
                  <th key={column.key} scope="col">
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <SummaryRow key={row.pane.id} row={row} columns={columns} />
              ))}
            </tbody>
          </>
        )}
      </table>
      {failures.map((row) => (
        <p key={row.pane.id} className="compare-failure" role="alert">
          {row.title}: {row.failure}
        </p>
      ))}
      <p className="hint">
        Multiply-adds: the matrix–vector products of one step, G·H·(inputs + H) per layer — the cost
        that does not depend on the machine. Time: median of {TIMED_SAMPLES} measurements in this
        browser, fastest–slowest in brackets; below a millisecond or so two models can swap places
        from one load to the next. Held-out accuracy and loss: from the trained model&apos;s file,
        scored on fresh sequences of its task (loss: cross-entropy or mean squared error); random
        weights have none. ‖h<sub>T</sub>‖: size of the top layer&apos;s final state. ‖∂h
        <sub>T</sub>/∂h<sub>1</sub>‖: how much the state after step 1 still moves the final one, T −
        1 steps later (tiny: vanishing).
      </p>
    </div>
  );
}
