/** Props of {@link ShortcutsButton}. */
export interface ShortcutsButtonProps {
  /** Opens the list of keyboard shortcuts (the ? key opens the same). */
  onOpen: () => void;
}

/**
 * "Keyboard shortcuts (?)": the list the ? key opens, for those who do not know the key
 * exists (nothing else on screen says so).
 */
export function ShortcutsButton({ onOpen }: ShortcutsButtonProps) {
  return (
    <button type="button" aria-keyshortcuts="?" onClick={onOpen}>
      Keyboard shortcuts (?)
    </button>
  );
}
