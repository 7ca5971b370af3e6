import { useRef } from 'react';
import { gateColor, signedColor, type ValueRange } from '../colors';
import { useDiagram, useStepWriter } from './context';
import { writeAttr } from './stepBus';
import { pathNumber as r } from '../../format/pathNumber';
import type { StripBox } from './UnitBars';

/** Units above which a gate box summarises its units as a histogram instead of one bar each. */
export const BARS_UP_TO_UNITS = 64;

/** Bins of the histogram across the value range ([0, 1] or [−1, 1]). */
export const HISTOGRAM_BINS = 20;

/** Props of {@link UnitHistogram}. */
export interface UnitHistogramProps extends StripBox {
  /** The quantity whose row it summarises at each step (a key of the step's rows). */
  quantity: string;
  /** `unit`: values over [0, 1]; `signed`: over [−1, 1]. Values outside are counted at the ends. */
  range: ValueRange;
}

/** Fills of a gate box's unit marks (bars or bins): one colour per direction of its own scale. */
export const UNIT_FILL = gateColor(0.8);
/** Fill of positive marks on a signed scale. */
export const POSITIVE_FILL = signedColor(0.75);
/** Fill of negative marks on a signed scale. */
export const NEGATIVE_FILL = signedColor(-0.75);

/**
 * How many of `values` fall in each of `bins` equal bins over [lo, hi] (the ends take the
 * values beyond them; NaN is not counted).
 */
export function histogram(
  values: ArrayLike<number>,
  bins: number,
  lo: number,
  hi: number,
): number[] {
  const counts = new Array<number>(bins).fill(0);
  const k = bins / (hi - lo);
  for (let j = 0; j < values.length; j++) {
    const v = values[j] as number;
    if (Number.isNaN(v)) continue;
    const b = Math.floor((v - lo) * k);
    counts[Math.max(0, Math.min(bins - 1, b))]! += 1;
  }
  return counts;
}

/** The histogram of one step: one path per colour, and the selected unit's mark. */
interface HistogramShapes {
  /** Bins right of zero (all bins on a [0, 1] strip). */
  up: string;
  /** Bins left of zero on a signed strip. */
  down: string;
  /** The line and triangle at the selected unit's value ('' when it is NaN or missing). */
  mark: string;
}

/**
 * The histogram of `values` ([H]) over the box's value range in `box` (value → right, how
 * many units ↑, the tallest bin reaching the top), and the mark at unit `unit`'s value.
 */
function histogramShapes(
  values: ArrayLike<number>,
  box: StripBox,
  range: ValueRange,
  unit: number,
): HistogramShapes {
  const { x, y, width, height } = box;
  const [lo, hi] = range === 'unit' ? [0, 1] : [-1, 1];
  const counts = histogram(values, HISTOGRAM_BINS, lo, hi);
  const most = Math.max(1, ...counts);
  const binWidth = width / HISTOGRAM_BINS;
  const gap = binWidth >= 4 ? 0.75 : 0;
  const base = y + height;
  const up: string[] = [];
  const down: string[] = [];
  counts.forEach((count, b) => {
    if (count === 0) return;
    const length = Math.max(1.5, (count / most) * (height - 4));
    const negative = range === 'signed' && b < HISTOGRAM_BINS / 2;
    (negative ? down : up).push(
      `M${r(x + b * binWidth + gap / 2)} ${r(base - length)}h${r(binWidth - gap)}v${r(length)}h${r(gap - binWidth)}z`,
    );
  });
  const v = values[unit];
  const at = v === undefined || Number.isNaN(v) ? null : Math.max(lo, Math.min(hi, v));
  const markX = at === null ? null : x + ((at - lo) / (hi - lo)) * width;
  const mark =
    markX === null ? '' : `M${r(markX)} ${r(y + 3)}V${r(base)}M${r(markX - 3)} ${r(y)}h6l-3 4z`;
  return { up: up.join(''), down: down.join(''), mark };
}

/**
 * A gate box's summary of many units: a histogram of this step's values over the box's
 * value range, and a line with a small triangle at the selected unit's value (see
 * {@link histogramShapes}). One path per colour and one mark, whatever the units: a step
 * writes three attributes.
 */
export function UnitHistogram({ quantity, range, ...box }: UnitHistogramProps) {
  const { unit } = useDiagram();
  const groupRef = useRef<SVGGElement>(null);
  const upRef = useRef<SVGPathElement>(null);
  const downRef = useRef<SVGPathElement>(null);
  const markRef = useRef<SVGPathElement>(null);
  useStepWriter(({ now }) => {
    const values = now.rows[quantity] ?? [];
    const shapes = histogramShapes(values, box, range, unit);
    writeAttr(groupRef.current, 'data-units', String(values.length));
    writeAttr(upRef.current, 'd', shapes.up);
    writeAttr(downRef.current, 'd', shapes.down);
    writeAttr(markRef.current, 'd', shapes.mark);
  });
  const { x, y, width, height } = box;
  const base = y + height;
  return (
    <g ref={groupRef} className="cd-hist">
      <line className="cd-bars-base" x1={x} x2={x + width} y1={base} y2={base} />
      {range === 'signed' && (
        <line className="cd-hist-zero" x1={x + width / 2} x2={x + width / 2} y1={y} y2={base} />
      )}
      <path
        ref={upRef}
        className="cd-bars-up"
        fill={range === 'unit' ? UNIT_FILL : POSITIVE_FILL}
      />
      {range === 'signed' && <path ref={downRef} className="cd-bars-down" fill={NEGATIVE_FILL} />}
      <path ref={markRef} className="cd-hist-mark" />
    </g>
  );
}
