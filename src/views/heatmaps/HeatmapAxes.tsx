import { memo } from 'react';
import { labelledIndices, labelWidth, uncrowded } from './geometry';

/** Vertical space, in CSS px, each unit label needs. */
const UNIT_LABEL_GAP = 13;

/** Props of {@link UnitAxis}. */
export interface UnitAxisProps {
  /** Units (rows), labelled 1..H. */
  H: number;
  /** Plot height in CSS px. */
  height: number;
}

/**
 * Unit numbers 1..H down the left of a heatmap, every k-th when rows are thin. Memoized:
 * a new trace (a slider's every move) leaves the axis as it was.
 */
export const UnitAxis = memo(function UnitAxis({ H, height }: UnitAxisProps) {
  const units = labelledIndices(H, height / Math.max(1, H), UNIT_LABEL_GAP);
  return (
    <div className="heatmap-units" style={{ height }}>
      {units.map((u) => (
        <span key={u} style={{ top: `${((u - 0.5) / H) * 100}%` }}>
          {u}
        </span>
      ))}
    </div>
  );
});

/** Props of {@link TimeAxis}. */
export interface TimeAxisProps {
  /** Label of each step (its character or value), [T]. */
  tokens: readonly string[];
  /** Plot width in CSS px. */
  width: number;
}

/**
 * Two rows under a heatmap, captioned x and t: the input token of each labelled step and
 * its step number. Every step is labelled when the labels fit, else every other one, else
 * step 1 and every k-th (k = 5, 10, 20, …). Labels at the ends stay inside the plot, and
 * none runs into its neighbour there (see uncrowded).
 * Memoized: the tokens are the input's, unchanged by a new trace of the same input.
 */
export const TimeAxis = memo(function TimeAxis({ tokens, width }: TimeAxisProps) {
  const T = tokens.length;
  let chars = String(T).length;
  for (const token of tokens) chars = Math.max(chars, Array.from(token).length);
  const widest = labelWidth(chars);
  const at = (step: number, text: string) => {
    const half = labelWidth(Array.from(text).length) / 2;
    const centre = ((step - 0.5) / T) * width;
    return Math.max(Math.min(centre, width - half), Math.min(half, width / 2));
  };
  const candidates = labelledIndices(T, width / Math.max(1, T), widest);
  const steps = uncrowded(
    candidates,
    candidates.map((step) => at(step, 'x'.repeat(chars))),
    widest,
  );
  return (
    <>
      <div className="heatmap-steps-caption">
        <span>x</span>
        <span>t</span>
      </div>
      <div className="heatmap-steps">
        <div className="heatmap-steps-row heatmap-tokens">
          {steps.map((step) => {
            const token = tokens[step - 1] ?? '';
            return (
              <span key={step} style={{ left: at(step, token) }}>
                {token}
              </span>
            );
          })}
        </div>
        <div className="heatmap-steps-row heatmap-step-numbers">
          {steps.map((step) => (
            <span key={step} style={{ left: at(step, String(step)) }}>
              {step}
            </span>
          ))}
        </div>
      </div>
    </>
  );
});
