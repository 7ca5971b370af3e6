import type { ReactNode } from 'react';
import { formatCount } from '../../format/count';
import { PANE_COLORS } from '../gradients/paneColors';
import { formatMs, formatNorm, formatPercent } from './format';
import type { PaneSummary } from './useSummaries';

/** One quantity of the compare summary: its heading and each pane's value. */
export interface SummaryColumn {
  /** Stable React key. */
  key: string;
  /** The heading ("Parameters"). */
  header: ReactNode;
  /** A pane's value, formatted. */
  cell: (row: PaneSummary) => ReactNode;
  /** Whether the pane's value is still being measured (shown muted). */
  pending?: (row: PaneSummary) => boolean;
}

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

/** A pane's name with its colour swatch, as it heads its row (or column on a phone). */
export function paneName(row: PaneSummary): ReactNode {
  return (
    <>
      <span
        className="swatch"
        style={{ background: PANE_COLORS[row.pane.id] }}
        aria-hidden="true"
      />
      {row.title}
    </>
  );
}

/**
 * The summary's quantities after the model's name, in order; `layerNote` follows the
 * gradient's heading when a pane has layers (" (layer 2)"); `racing` adds the steps each
 * pane trained here took to reach the target accuracy.
 */
export function summaryColumns(layerNote: string, racing = false): readonly SummaryColumn[] {
  const race: SummaryColumn[] = racing
    ? [
        {
          key: 'steps-to-target',
          header: 'Steps to target',
          cell: (row) =>
            row.stepsToTarget === undefined
              ? '—'
              : row.stepsToTarget === null
                ? 'not yet'
                : String(row.stepsToTarget),
        },
      ]
    : [];
  return [
    { key: 'parameters', header: 'Parameters', cell: (row) => formatCount(row.parameters) },
    {
      key: 'multiply-adds',
      header: 'Multiply-adds per step',
      cell: (row) => formatCount(row.multiplyAdds),
    },
    {
      key: 'time',
      header: 'Forward + backward',
      pending: (row) => row.msPerPass === undefined,
      cell: (row) => {
        const range = rangeText(row);
        return (
          <>
            {cellText(row.msPerPass, formatMs)}
            {range && <span className="time-range"> {range}</span>}
          </>
        );
      },
    },
    {
      key: 'accuracy',
      header: 'Held-out accuracy',
      cell: (row) => (row.heldOut ? formatPercent(row.heldOut.accuracy) : '—'),
    },
    {
      key: 'loss',
      header: 'Held-out loss',
      cell: (row) => (row.heldOut ? formatNorm(row.heldOut.loss) : '—'),
    },
    ...race,
    {
      key: 'final-norm',
      header: (
        <>
          ‖h<sub>T</sub>‖
        </>
      ),
      pending: (row) => row.finalNorm === undefined,
      cell: (row) => cellText(row.finalNorm, formatNorm),
    },
    {
      key: 'from-step-1',
      header: (
        <>
          ‖∂h<sub>T</sub>/∂h<sub>1</sub>‖{layerNote}
        </>
      ),
      pending: (row) => row.fromStep1 === undefined,
      cell: (row) => cellText(row.fromStep1, formatNorm),
    },
  ];
}
