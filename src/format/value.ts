/**
 * A value with 3 significant digits, as every box and chip prints it: `toPrecision(3)`
 * for magnitudes from 0.001 up, exponent notation below (so tiny values stay short),
 * "0.00" for zero and "NaN" / "∞" for non-finite values.
 */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  if (value === 0) return '0.00';
  if (Math.abs(value) < 1e-3) return value.toExponential(2);
  return value.toPrecision(3);
}
