import { sequenceOf, useScene } from '../store';

/** Cells drawn at most; longer sequences show a window around the current step. */
export const STRIP_WINDOW = 25;

/** First step of the window of `size` steps around t inside 1..T. */
export function windowStart(t: number, T: number, size: number): number {
  return Math.max(1, Math.min(t - Math.floor(size / 2), T - size + 1));
}

/**
 * The chain of cells over time: one box per step (a window of them for long sequences)
 * with its input token, the current step highlighted; click a box to jump there. A track
 * below shows where the window sits in the whole sequence.
 */
export function UnrolledStrip() {
  const t = useScene((s) => s.t);
  const input = useScene((s) => s.input);
  const { tokens } = sequenceOf(input);
  const T = tokens.length;
  const size = Math.min(STRIP_WINDOW, T);
  const first = windowStart(t, T, size);
  const steps = Array.from({ length: size }, (_, k) => first + k);
  const setStep = useScene.getState().setStep;
  return (
    <nav className="strip" aria-label="Unrolled sequence">
      <ol className="strip-cells">
        {first > 1 && (
          <li className="strip-more" aria-hidden="true">
            …{first - 1}
          </li>
        )}
        {steps.map((step) => (
          <li key={step}>
            <button
              type="button"
              tabIndex={-1}
              className={
                step === t ? 'strip-cell current' : step < t ? 'strip-cell done' : 'strip-cell'
              }
              aria-current={step === t ? 'step' : undefined}
              aria-label={`Go to step ${step}, input ${tokens[step - 1] ?? ''}`}
              onClick={() => setStep(step)}
            >
              <span className="strip-token">{tokens[step - 1]}</span>
              <span className="strip-step">{step}</span>
            </button>
          </li>
        ))}
        {first + size - 1 < T && (
          <li className="strip-more" aria-hidden="true">
            {T - (first + size - 1)}…
          </li>
        )}
      </ol>
      {T > size && (
        <div className="strip-track" aria-hidden="true">
          <div
            className="strip-track-window"
            style={{ left: `${((first - 1) / T) * 100}%`, width: `${(size / T) * 100}%` }}
          />
          <div className="strip-track-cursor" style={{ left: `${((t - 0.5) / T) * 100}%` }} />
        </div>
      )}
    </nav>
  );
}
