/**
 * What the controls accept, in one table: the store refuses anything outside it with a
 * message, keeping the previous valid value.
 */
export const LIMITS = {
  hiddenSize: { min: 1, max: 64 },
  numLayers: { min: 1, max: 3 },
  sequenceLength: { min: 1, max: 2000 },
  seed: { min: 0, max: 2 ** 32 - 1 },
  weightScale: { min: 0.01, max: 10 },
  forgetBias: { min: -10, max: 10 },
  textLength: { min: 1, max: 2000 },
  panes: { min: 1, max: 3 },
} as const;

/** A numeric limit's name. */
export type LimitName = keyof typeof LIMITS;

/**
 * Checks one numeric setting; returns a message a user can act on, or null when the
 * value is allowed. `integer` settings refuse fractions.
 */
export function checkRange(
  label: string,
  value: number,
  limit: { min: number; max: number },
  integer: boolean,
): string | null {
  if (!Number.isFinite(value)) return `${label} must be a number.`;
  if (integer && !Number.isInteger(value)) return `${label} must be a whole number.`;
  if (value < limit.min || value > limit.max) {
    return `${label} must be from ${limit.min} to ${limit.max}; kept the previous value.`;
  }
  return null;
}
