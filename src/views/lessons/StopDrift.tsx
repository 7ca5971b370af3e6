/** Props of {@link StopDrift}. */
export interface StopDriftProps {
  /** How the screen differs from the stop, one phrase each; nothing is shown when empty. */
  differences: readonly string[];
  /** Moves the scene back to the stop. */
  onBack: () => void;
}

/**
 * Says plainly that the screen no longer shows the stop the caption describes, and how,
 * with a Back to this stop button. A live region, empty while the screen agrees with the stop.
 */
export function StopDrift({ differences, onBack }: StopDriftProps) {
  return (
    <div className="lesson-drift" role="status">
      {differences.length > 0 && (
        <>
          <p>
            <strong>The screen has moved on from this stop</strong> ({differences.join('; ')}): the
            numbers above are the stop’s, not the screen’s.
          </p>
          <button type="button" onClick={onBack}>
            Back to this stop
          </button>
        </>
      )}
    </div>
  );
}
