/** Most tick labels on the log axis; wider spans label every 2nd, 5th, 10th… decade. */
const MAX_TICKS = 6;
/** Smallest decade a floor may sit at: 10⁻³²³ is still a (subnormal) float64. */
const MIN_EXPONENT = -323;
/** Largest decade the axis may reach: 10³⁰⁸ is still finite. */
const MAX_EXPONENT = 308;

/** The vertical extent of a log plot, in decades, with where out-of-range values go. */
export interface LogAxis {
  /** Bottom of the axis, 10^lowExponent: the floor where exact zeros are drawn. */
  readonly low: number;
  /** Top of the axis, 10^highExponent: where overflowed (∞) values are drawn. */
  readonly high: number;
  /** log10 of {@link LogAxis.low}. */
  readonly lowExponent: number;
  /** log10 of {@link LogAxis.high}. */
  readonly highExponent: number;
  /**
   * Exponents e of the labelled ticks 10^e, bottom to top; 0 (the value 1) is always one.
   * The zero floor row and the overflow row are not ticks.
   */
  readonly tickExponents: readonly number[];
  /** True when some value is exactly 0 (underflow), drawn as a marker at the floor. */
  readonly hasZero: boolean;
  /** True when some value is ±∞ or NaN (overflow), drawn as a marker at the top. */
  readonly hasOverflow: boolean;
  /** The whole decades [low, high] the finite positive values and 1 span (exponents). */
  readonly dataDecades: readonly [number, number];
  /** The decades [low, high] the labelled part of the axis spans, without the zero and overflow rows. */
  readonly plotDecades: readonly [number, number];
}

/**
 * The log axis that shows every value of `series` and the reference value 1: ticks at
 * powers of ten on a stride of 1, 2, 5, 10… decades (at most about {@link MAX_TICKS}),
 * including 10⁰; each end of the axis is on a tick unless that wastes over half a stride. With zeros, a floor row for them
 * sits at least a decade below the lowest tick (so below every positive value, and within
 * float64's 10⁻³²³); with overflow, a row above the top tick likewise.
 */
export function logAxisOf(series: readonly (readonly number[])[]): LogAxis {
  let min = 1;
  let max = 1;
  let hasZero = false;
  let hasOverflow = false;
  for (const values of series) {
    for (const v of values) {
      if (v === 0) hasZero = true;
      else if (!Number.isFinite(v)) hasOverflow = true;
      else if (v > 0) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
  }
  // Whole decades around the data and 1.
  const dataLow = Math.floor(Math.log10(min));
  const dataHigh = Math.max(Math.ceil(Math.log10(max)), dataLow + 1);
  const stride = niceStride(Math.ceil((dataHigh - dataLow) / (MAX_TICKS - 1)));
  // Each end moves out to the next tick unless that would waste more than half a stride.
  const snapLow = Math.floor(dataLow / stride) * stride;
  const snapHigh = Math.ceil(dataHigh / stride) * stride;
  const tickLow = Math.max(dataLow - snapLow <= stride / 2 ? snapLow : dataLow, MIN_EXPONENT + 1);
  const tickHigh = Math.min(
    snapHigh - dataHigh <= stride / 2 ? snapHigh : dataHigh,
    MAX_EXPONENT - 1,
  );
  // Zeros and overflow get a row of their own, half a stride beyond the last tick.
  const gap = Math.max(1, Math.round(stride / 2));
  const low = hasZero ? Math.max(tickLow - gap, MIN_EXPONENT) : tickLow;
  const high = hasOverflow ? Math.min(tickHigh + gap, MAX_EXPONENT) : tickHigh;
  // A tick keeps half that gap from a row, also where float64's range cuts the gap short
  // (10⁻³⁰⁰ would print on the floor's "0" at 10⁻³²³); 1 is always a tick.
  const clear = (e: number) =>
    e === 0 || ((!hasZero || e - low >= gap / 2) && (!hasOverflow || high - e >= gap / 2));
  const tickExponents: number[] = [];
  for (let e = Math.ceil(tickLow / stride) * stride; e <= tickHigh; e += stride) {
    if (clear(e)) tickExponents.push(e);
  }
  return {
    low: 10 ** low,
    high: 10 ** high,
    lowExponent: low,
    highExponent: high,
    tickExponents,
    hasZero,
    hasOverflow,
    dataDecades: [dataLow, dataHigh],
    plotDecades: [tickLow, tickHigh],
  };
}

/**
 * The axis to draw new values on, given the one drawn (`shown`) and the one that fits them
 * (`fitted`): the drawn one while it still holds every value and they fill at least half
 * of it, so that a curve moving a little (a weight-scale drag) is seen to move instead of
 * the axis following it; else the fitted one. A zero or overflow row appearing or going
 * refits.
 */
export function keepAxis(shown: LogAxis, fitted: LogAxis): LogAxis {
  if (shown.hasZero !== fitted.hasZero || shown.hasOverflow !== fitted.hasOverflow) return fitted;
  const [low, high] = fitted.dataDecades;
  const [plotLow, plotHigh] = shown.plotDecades;
  const holds = plotLow <= low && high <= plotHigh;
  const fills = high - low >= (plotHigh - plotLow) / 2;
  return holds && fills ? shown : fitted;
}

/** The smallest of 1, 2, 5, 10, 20, 50, … at least `n`. */
function niceStride(n: number): number {
  for (let base = 1; ; base *= 10) {
    for (const m of [1, 2, 5]) if (m * base >= n) return m * base;
  }
}
