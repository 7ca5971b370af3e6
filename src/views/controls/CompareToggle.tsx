import { selectCompare, useScene } from '../../store';
import { FOCUS_IDS } from './focusSoon';

/**
 * The Compare toggle: on, a GRU pane joins the LSTM (same input, one time cursor);
 * off, only the first pane stays.
 */
export function CompareToggle() {
  const compare = useScene(selectCompare);
  const setCompare = useScene((s) => s.setCompare);
  return (
    <button
      type="button"
      id={FOCUS_IDS.compare}
      aria-pressed={compare}
      onClick={() => setCompare(!compare)}
    >
      Compare
    </button>
  );
}
