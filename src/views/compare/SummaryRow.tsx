import type { SummaryColumn } from './summaryColumns';
import { paneName } from './summaryColumns';
import type { PaneSummary } from './useSummaries';

/** Props of {@link SummaryRow}. */
export interface SummaryRowProps {
  /** The pane's numbers. */
  row: PaneSummary;
  /** The quantities shown, in order (summaryColumns). */
  columns: readonly SummaryColumn[];
}

/** One pane's row of the compare summary, headed by its name and colour swatch. */
export function SummaryRow({ row, columns }: SummaryRowProps) {
  return (
    <tr>
      <th scope="row">{paneName(row)}</th>
      {columns.map((column) => (
        <td key={column.key} className={column.pending?.(row) ? 'pending' : undefined}>
          {column.cell(row)}
        </td>
      ))}
    </tr>
  );
}
