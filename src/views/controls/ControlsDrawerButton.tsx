import { useEffect, useState } from 'react';
import { useScene } from '../../store';
import { FOCUS_IDS, focusSoon } from './focusSoon';

/** DOM id of the drawer's toggle, where the focus returns when the drawer closes. */
const TOGGLE_ID = 'controls-drawer-toggle';

/**
 * On phones and tablets (style sheets: 900 px wide and under) the Controls region is a
 * drawer over the lower part of the page, so the diagram comes first. This button opens and
 * closes it (`aria-expanded`); opening moves the focus into the drawer, Escape closes it
 * and brings the focus back here. The open state lives on `<html data-controls-drawer>`,
 * where the style sheets read it; it is not part of the scene or the link. Wider screens
 * hide the button and always show the Controls. Renders nothing while the Controls are
 * folded away (presentation mode, a lesson link).
 */
export function ControlsDrawerButton() {
  const shown = useScene((s) => !s.presentation && !s.editingHidden);
  const [open, setOpen] = useState(false);
  const isOpen = open && shown;

  useEffect(() => {
    const root = document.documentElement;
    if (!isOpen) return;
    root.dataset.controlsDrawer = 'open';
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      setOpen(false);
      focusSoon(TOGGLE_ID);
    };
    document.addEventListener('keydown', onKey);
    return () => {
      delete root.dataset.controlsDrawer;
      document.removeEventListener('keydown', onKey);
    };
  }, [isOpen]);

  if (!shown) return null;
  return (
    <button
      type="button"
      id={TOGGLE_ID}
      className="drawer-toggle"
      aria-expanded={isOpen}
      aria-controls="controls"
      onClick={() => {
        setOpen(!isOpen);
        if (!isOpen) focusSoon(FOCUS_IDS.hideControls);
      }}
    >
      Controls
      <span className="drawer-toggle-mark" aria-hidden="true">
        {isOpen ? ' ▴' : ' ▾'}
      </span>
    </button>
  );
}
