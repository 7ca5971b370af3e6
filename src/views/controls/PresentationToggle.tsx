import { useScene } from '../../store';

/** The Presentation mode toggle (also key P): large type, high contrast, no editing panels. */
export function PresentationToggle() {
  const presentation = useScene((s) => s.presentation);
  const setPresentation = useScene((s) => s.setPresentation);
  return (
    <button
      type="button"
      aria-pressed={presentation}
      aria-keyshortcuts="P"
      title="Presentation mode (P)"
      onClick={() => setPresentation(!presentation)}
    >
      Presentation mode
    </button>
  );
}
