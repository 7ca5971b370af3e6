import { useScene } from '../../store';
import { FOCUS_IDS, focusSoon } from './focusSoon';

/** Folds the Controls region away (as a lesson link does); "Show controls" brings it back. */
export function HideControlsButton() {
  const setEditingHidden = useScene((s) => s.setEditingHidden);
  return (
    <button
      type="button"
      id={FOCUS_IDS.hideControls}
      className="small"
      onClick={() => {
        setEditingHidden(true);
        focusSoon(FOCUS_IDS.showControls);
      }}
    >
      Hide controls
    </button>
  );
}
