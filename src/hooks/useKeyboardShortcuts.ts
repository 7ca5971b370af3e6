import { useEffect } from 'react';
import { type SceneStore } from '../store';
import { sequenceLength } from '../scene';

/** True when a key event belongs to a field that uses the keys itself. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** Input types that take no typed characters: a letter key means nothing to them. */
const KEYLESS_INPUTS = new Set([
  'range',
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'color',
]);

/** True when a letter typed here is text (or a select's type-ahead), not a shortcut. */
function takesLetters(target: EventTarget | null): boolean {
  if (target instanceof HTMLInputElement) return !KEYLESS_INPUTS.has(target.type);
  return isEditable(target);
}

/**
 * Playback from the keyboard anywhere outside a form field: ←/→ and Page Up/Down (what
 * presenter clickers send) step, Space plays or pauses, Home/End jump to the first and
 * last step. P turns presentation mode on or off wherever a letter is not typed into a text
 * field or a select (so also on a focused slider or button). A focused button keeps Space.
 */
export function useKeyboardShortcuts(store: SceneStore): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const s = store.getState();
      if ((event.key === 'p' || event.key === 'P') && !takesLetters(event.target)) {
        s.setPresentation(!s.presentation);
        event.preventDefault();
        return;
      }
      if (isEditable(event.target)) return;
      switch (event.key) {
        case 'ArrowRight':
        case 'PageDown':
          s.stepBy(1);
          break;
        case 'ArrowLeft':
        case 'PageUp':
          s.stepBy(-1);
          break;
        case 'Home':
          s.setStep(1);
          break;
        case 'End':
          s.setStep(sequenceLength(s.input));
          break;
        case ' ':
          if (event.target instanceof HTMLButtonElement) return;
          s.togglePlay();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
