import { useEffect, useRef } from 'react';
import { sequenceOf, useScene } from '../store';

/** Cells drawn at most; longer sequences show a window around the current step. */
export const STRIP_WINDOW = 25;

/** First step of the window of `size` steps around t inside 1..T. */
export function windowStart(t: number, T: number, size: number): number {
  return Math.max(1, Math.min(t - Math.floor(size / 2), T - size + 1));
}

/**
 * The scrollLeft that puts a cell (its left edge and width, in the list's content
 * coordinates) in the middle of a list `view` px wide holding `content` px, kept inside
 * 0..content − view: the current step stays in view however many cells fit.
 */
export function centeredScroll(left: number, width: number, view: number, content: number): number {
  const wanted = left + width / 2 - view / 2;
  return Math.max(0, Math.min(wanted, Math.max(0, content - view)));
}

/**
 * The chain of cells over time: one box per step (a window of them for long sequences)
 * with its input token, the current step highlighted; click a box to jump there. A track
 * below shows where the window sits in the whole sequence. When fewer cells fit than the
 * window holds, the row scrolls so that the current step sits in its middle.
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
  const list = useRef<HTMLOListElement>(null);
  const current = useRef<HTMLButtonElement>(null);
  // Measured in the next frame, once the page's other updates of this step are in: reading
  // layout here, in the middle of the step's commit, would lay the whole page out twice.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const row = list.current;
      const cell = current.current;
      if (!row || !cell) return;
      const x = centeredScroll(
        cell.offsetLeft - row.offsetLeft,
        cell.offsetWidth,
        row.clientWidth,
        row.scrollWidth,
      );
      if (Math.abs(row.scrollLeft - x) >= 1) row.scrollLeft = x;
    });
    return () => cancelAnimationFrame(frame);
  }, [t, first, T]);
  return (
    <nav className="strip" aria-label="Unrolled sequence">
      <ol className="strip-cells" ref={list}>
        {first > 1 && (
          <li className="strip-more" aria-hidden="true">
            …{first - 1}
          </li>
        )}
        {steps.map((step) => (
          <li key={step}>
            <button
              ref={step === t ? current : undefined}
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
