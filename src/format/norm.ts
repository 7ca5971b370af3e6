/** Numbers as the page prints them: gradient norms, powers of ten, sub- and superscript digits. */

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** An integer in Unicode superscript digits, e.g. −12 → "⁻¹²". */
export function superscript(n: number): string {
  const digits = String(Math.abs(Math.round(n)));
  const sign = n < 0 && Math.round(n) !== 0 ? '⁻' : '';
  return sign + Array.from(digits, (d) => SUPERSCRIPT_DIGITS[Number(d)]).join('');
}

/** 10 to an integer power, written with superscripts: 10⁻⁸. */
export function powerOfTen(exponent: number): string {
  return `10${superscript(exponent)}`;
}

const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';

/** A non-negative integer in Unicode subscript digits: 38 → "₃₈". */
export function subscript(n: number): string {
  return Array.from(String(Math.max(0, Math.round(n))), (d) => SUBSCRIPT_DIGITS[Number(d)]).join(
    '',
  );
}

/**
 * A gradient norm as a student reads it: "0.42", "3.2 × 10⁻⁸"; exact 0 and overflow
 * say so, since both mean float64 ran out of range rather than a measured value.
 */
export function formatNorm(value: number): string {
  if (value === 0) return '0 (below float64)';
  if (!Number.isFinite(value)) return '∞ (beyond float64)';
  if (value >= 1e-3 && value < 1e4) return String(Number(value.toPrecision(3)));
  const exponent = Math.floor(Math.log10(value));
  const mantissa = Number((value / 10 ** exponent).toPrecision(2));
  // Rounding can carry the mantissa to 10 (9.96 → 10): move it into the exponent.
  if (mantissa >= 10) return `1 × ${powerOfTen(exponent + 1)}`;
  return mantissa === 1 ? powerOfTen(exponent) : `${mantissa} × ${powerOfTen(exponent)}`;
}
