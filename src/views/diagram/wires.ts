/** Thinnest and thickest wire, in viewBox units. */
export const WIRE_WIDTH = { min: 1.5, max: 6 } as const;

/**
 * Stroke width of a wire carrying `value`: grows linearly with |value| up to 1, then
 * stays at the maximum. NaN draws the thinnest wire.
 */
export function wireWidth(value: number): number {
  const m = Number.isFinite(value) ? Math.min(1, Math.abs(value)) : 0;
  return WIRE_WIDTH.min + (WIRE_WIDTH.max - WIRE_WIDTH.min) * m;
}
