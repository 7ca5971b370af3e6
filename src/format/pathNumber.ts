/**
 * A coordinate for SVG path text, rounded to two decimals: plenty in a viewBox of a few
 * hundred units, and it keeps paths of thousands of bars short.
 */
export function pathNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}
