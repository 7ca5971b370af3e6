import { gateColor, signedColor, type ValueRange } from '../colors';

/** Units above which a gate box summarises its units as a histogram instead of one bar each. */
export const BARS_UP_TO_UNITS = 64;

/** Bins of the histogram across the value range ([0, 1] or [−1, 1]). */
export const HISTOGRAM_BINS = 20;

/** Props of {@link UnitHistogram}. */
export interface UnitHistogramProps {
  /** Left edge, viewBox units. */
  x: number;
  /** Top edge, viewBox units. */
  y: number;
  width: number;
  height: number;
  /** One value per unit, [H]. */
  values: ArrayLike<number>;
  /** `unit`: values over [0, 1]; `signed`: over [−1, 1]. Values outside are counted at the ends. */
  range: ValueRange;
  /** The selected unit, 0-based: a line marks its value. */
  unit: number;
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

/** Two decimals are plenty in a viewBox of a few hundred units; keeps the path short. */
function r(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/**
 * A gate box's summary of many units: a histogram of this step's values over the box's
 * value range (value → right, how many units ↑, the tallest bin reaching the top), and a
 * line with a small triangle at the selected unit's value. One path per colour and one line,
 * whatever the units: a step changes three attributes.
 */
export function UnitHistogram({ x, y, width, height, values, range, unit }: UnitHistogramProps) {
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
  return (
    <g className="cd-hist" data-units={values.length}>
      <line className="cd-bars-base" x1={x} x2={x + width} y1={base} y2={base} />
      {range === 'signed' && (
        <line className="cd-hist-zero" x1={x + width / 2} x2={x + width / 2} y1={y} y2={base} />
      )}
      <path
        className="cd-bars-up"
        d={up.join('')}
        fill={range === 'unit' ? UNIT_FILL : POSITIVE_FILL}
      />
      {range === 'signed' && (
        <path className="cd-bars-down" d={down.join('')} fill={NEGATIVE_FILL} />
      )}
      {markX !== null && (
        <path
          className="cd-hist-mark"
          d={`M${r(markX)} ${r(y + 3)}V${r(base)}M${r(markX - 3)} ${r(y)}h6l-3 4z`}
        />
      )}
    </g>
  );
}
