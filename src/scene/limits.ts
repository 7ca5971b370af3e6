/**
 * What the controls accept, in one table that the store (refusing anything outside it with
 * a message, keeping the previous valid value), the URL schema (validating links) and the
 * views (the inputs' min and max) all read.
 */
import { MAX_HIDDEN_SIZE, MAX_LAYERS } from '../engine';

/**
 * Stacked layers the controls, links and model files accept (src/io/modelFileLimits.ts
 * holds files to the same limits, so a loaded model can be linked to and reopened). The
 * engine (`MAX_LAYERS` in src/engine/spec.ts, 64) builds deeper models, the depth an
 * imported model may have; the page stops at 3 so that three panes of 64 units stay
 * responsive. Every limit here stays below the engine's (MAX_LAYERS, MAX_HIDDEN_SIZE,
 * MAX_STEPS, …): tests/scene/limits.test.ts checks it.
 */
export const UI_MAX_LAYERS = 3;

/** An inclusive numeric range. */
export interface Range {
  readonly min: number;
  readonly max: number;
}

/** The numeric settings' ranges, inclusive; counts and seeds are whole numbers. */
export const LIMITS = {
  /** Units per layer. */
  hiddenSize: { min: 1, max: 64 },
  /** Stacked layers (see UI_MAX_LAYERS). */
  numLayers: { min: 1, max: UI_MAX_LAYERS },
  /** Steps T of a numeric input. */
  sequenceLength: { min: 1, max: 2000 },
  /** Weight and noise seeds: unsigned 32-bit. */
  seed: { min: 0, max: 2 ** 32 - 1 },
  /** Factor on the initial weights. */
  weightScale: { min: 0.01, max: 10 },
  /** Added to the LSTM forget-gate bias. */
  forgetBias: { min: -10, max: 10 },
  /** Characters of a text input, in code points. */
  textLength: { min: 1, max: 2000 },
  /**
   * Characters of pasted numbers (UTF-16 units): 2000 steps of a few features each, and a
   * link that carries them stays under a few tens of kB once compressed.
   */
  numbersLength: { min: 1, max: 50_000 },
  /** Model panes shown side by side. */
  panes: { min: 1, max: 3 },
} as const satisfies Record<string, Range>;

/**
 * The selected layer and unit a link may name, 0-based: any the engine can build, since an
 * imported model may be that big (a layer entry per direction: 2·MAX_LAYERS for a
 * bidirectional model; MAX_HIDDEN_SIZE units). Once the panes' models are known, a link's
 * layer and unit are clamped to the largest of them, with a notice (settleScene).
 */
export const SELECTION_LIMITS = {
  /** Layer entries, 0-based (forward then backward per layer). */
  layer: { min: 0, max: 2 * MAX_LAYERS - 1 },
  /** Units, 0-based. */
  unit: { min: 0, max: MAX_HIDDEN_SIZE - 1 },
} as const satisfies Record<string, Range>;

/** A numeric limit's name. */
export type LimitName = keyof typeof LIMITS;

/** Playback speeds offered, in steps per ~0.7 s (1× = one step with its animation). */
export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

/**
 * Checks one numeric setting; returns a message a user can act on, or null when the
 * value is allowed. `integer` settings refuse fractions.
 */
export function checkRange(
  label: string,
  value: number,
  limit: Range,
  integer: boolean,
): string | null {
  if (!Number.isFinite(value)) return `${label} must be a number.`;
  if (integer && !Number.isInteger(value)) return `${label} must be a whole number.`;
  if (value < limit.min || value > limit.max) {
    return `${label} must be from ${limit.min} to ${limit.max}; kept the previous value.`;
  }
  return null;
}
