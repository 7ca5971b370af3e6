import { useScene } from '../../store';
import { FOCUS_IDS, focusSoon } from './focusSoon';

/** Shown while a lesson link hides the editing panels: brings the Controls region back. */
export function ShowControlsButton() {
  const setEditingHidden = useScene((s) => s.setEditingHidden);
  return (
    <button
      type="button"
      id={FOCUS_IDS.showControls}
      onClick={() => {
        setEditingHidden(false);
        focusSoon(FOCUS_IDS.hideControls);
      }}
    >
      Show controls
    </button>
  );
}
