import { useEffect, useId, useRef } from 'react';
import { SHORTCUTS } from '../../hooks/useKeyboardShortcuts';
import './shortcuts.css';

/** Props of {@link ShortcutsDialog}. */
export interface ShortcutsDialogProps {
  /** Shown or not. */
  open: boolean;
  /** Called when the user closes it (Close, Esc). */
  onClose: () => void;
}

/**
 * The list of every keyboard shortcut (the ? key), as a modal dialog named "Keyboard
 * shortcuts": opening it focuses Close; Esc or Close shuts it, and the browser returns the
 * focus to where it was. (Close is focused when the dialog opens, not through React's
 * `autoFocus`: the dialog is always mounted, and `autoFocus` called `focus()` on the hidden
 * button at the page's first render, which forced the whole page's style to be computed
 * inside that first task.)
 */
export function ShortcutsDialog({ open, onClose }: ShortcutsDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', ''); // jsdom has no showModal
      close.current?.focus();
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [open]);
  return (
    <dialog ref={ref} className="shortcuts" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>Keyboard shortcuts</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map(({ keys, does }) => (
            <tr key={keys.join()}>
              <th scope="row">
                {keys.map((key, k) => (
                  <span key={key}>
                    {k > 0 && ' '}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </th>
              <td>{does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button ref={close} type="button" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
