import { PANE_COLORS } from '../gradients/paneColors';
import { formatMs, formatNorm, formatPercent } from './format';
import type { PaneSummary } from './useSummaries';
import { formatCount } from '../../format/count';

/** A cell's text: the formatted number, "measuring…" while unknown, "—" when there is none. */
function cellText(value: number | null | undefined, format: (v: number) => string): string {
  if (value === undefined) return 'measuring…';
  return value === null ? '—' : format(value);
}

/** The measured time's spread: "(0.61–0.92 ms)", or null while it is not known. */
function rangeText(row: PaneSummary): string | null {
  const { timing } = row;
  if (!timing || !Number.isFinite(timing.low) || !Number.isFinite(timing.high)) return null;
  return `(${formatMs(timing.low).replace(' ms', '')}–${formatMs(timing.high)})`;
}

/** Props of {@link SummaryRow}. */
export interface SummaryRowProps {
  /** The pane's numbers. */
  row: PaneSummary;
}

/** One pane's row of the compare summary, headed by its name and colour swatch. */
export function SummaryRow({ row }: SummaryRowProps) {
  const pending = (value: number | null | undefined) =>
    value === undefined ? 'pending' : undefined;
  const heldOut = row.heldOut;
  const range = rangeText(row);
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
      <td>{formatCount(row.multiplyAdds)}</td>
      <td className={pending(row.msPerPass)}>
        {cellText(row.msPerPass, formatMs)}
        {range && <span className="time-range"> {range}</span>}
      </td>
      <td>{heldOut ? formatPercent(heldOut.accuracy) : '—'}</td>
      <td>{heldOut ? formatNorm(heldOut.loss) : '—'}</td>
      <td className={pending(row.finalNorm)}>{cellText(row.finalNorm, formatNorm)}</td>
      <td className={pending(row.fromStep1)}>{cellText(row.fromStep1, formatNorm)}</td>
    </tr>
  );
}
