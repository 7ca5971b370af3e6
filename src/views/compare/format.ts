/** Number formats of the compare summary. */

/** Milliseconds to two significant digits: "0.052 ms", "1.3 ms", "23 ms". */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 10) return `${Math.round(ms)} ms`;
  return `${Number(ms.toPrecision(2))} ms`;
}

/** A norm to three significant digits; tiny or huge ones in exponent form: "2.41e−7". */
export function formatNorm(value: number): string {
  if (value === 0) return '0';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '—';
  const abs = Math.abs(value);
  if (abs >= 1e-3 && abs < 1e4) return String(Number(value.toPrecision(3)));
  return value.toExponential(2).replace('e-', 'e−').replace('e+', 'e');
}

/** A fraction as a percentage to one decimal: 0.9985 → "99.9%". */
export function formatPercent(fraction: number): string {
  return `${(100 * fraction).toFixed(1)}%`;
}
