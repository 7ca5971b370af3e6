import { PANE_COLORS } from '../gradients/paneColors';
import { formatMs, formatNorm } from './format';
import type { PaneSummary } from './useSummaries';
import { formatCount } from '../../format/count';

/** A cell's text: the formatted number, "measuring…" while unknown, "—" when there is none. */
function cellText(value: number | null | undefined, format: (v: number) => string): string {
  if (value === undefined) return 'measuring…';
  return value === null ? '—' : format(value);
}

/** Props of {@link SummaryRow}. */
export interface SummaryRowProps {
  /** The pane's numbers. */
  row: PaneSummary;
}

/** One pane's row of the compare summary, headed by its name and colour swatch. */
export function SummaryRow({ row }: SummaryRowProps) {
  const cells = [
    [row.msPerPass, formatMs],
    [row.finalNorm, formatNorm],
    [row.jacobianAll, formatNorm],
  ] as const;
  return (
    <tr>
      <th scope="row">
        <span
          className="swatch"
          style={{ background: PANE_COLORS[row.pane.id] }}
          aria-hidden="true"
        />
        {row.title}
      </th>
      <td>{formatCount(row.parameters)}</td>
      {cells.map(([value, format], k) => (
        <td key={k} className={value === undefined ? 'pending' : undefined}>
          {cellText(value, format)}
        </td>
      ))}
    </tr>
  );
}
