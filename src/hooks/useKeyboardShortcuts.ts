import { useEffect } from 'react';
import { goToStop, lessonById } from '../lessons/navigate';
import { type SceneStore } from '../store';
import { sequenceLength } from '../scene';

/** One keyboard shortcut as the shortcut list shows it. */
export interface Shortcut {
  /** The keys, as written on the keyboard ("Page Down"). */
  readonly keys: readonly string[];
  /** What they do. */
  readonly does: string;
}

/** Every shortcut of the page, in the order the shortcut list (the ? key) shows them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['→', '←'], does: 'Next / previous time step' },
  { keys: ['Home', 'End'], does: 'First / last time step' },
  { keys: ['Space'], does: 'Play or pause' },
  {
    keys: ['Page Down', 'Page Up'],
    does: 'With a lesson open: next / previous stop (what a presenter’s clicker sends). Without: next / previous time step',
  },
  { keys: ['P'], does: 'Presentation mode on or off' },
  { keys: ['?'], does: 'This list of shortcuts' },
  { keys: ['Esc'], does: 'Close this list; with nothing open, leave presentation mode' },
];

/** What the shortcuts call beyond the store. */
export interface ShortcutActions {
  /** Opens the list of shortcuts (the ? key). */
  onHelp?: () => void;
}

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
 * Playback from the keyboard anywhere outside a form field: ←/→ step, Space plays or
 * pauses, Home/End jump to the first and last step. Page Down/Up (what presenter clickers
 * send) move to the next/previous stop while a lesson is open, and step otherwise. P turns
 * presentation mode on or off and ? opens the shortcut list wherever a letter is not typed
 * into a text field or a select (so also on a focused slider or button); Esc turns
 * presentation mode off when nothing else takes it. A focused button keeps Space. The
 * whole list is {@link SHORTCUTS}.
 */
export function useKeyboardShortcuts(store: SceneStore, actions: ShortcutActions = {}): void {
  const { onHelp } = actions;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const s = store.getState();
      if ((event.key === 'p' || event.key === 'P') && !takesLetters(event.target)) {
        s.setPresentation(!s.presentation);
        event.preventDefault();
        return;
      }
      if (event.key === '?' && onHelp && !takesLetters(event.target)) {
        onHelp();
        event.preventDefault();
        return;
      }
      if (isEditable(event.target)) return;
      switch (event.key) {
        case 'ArrowRight':
          s.stepBy(1);
          break;
        case 'ArrowLeft':
          s.stepBy(-1);
          break;
        case 'PageDown':
        case 'PageUp': {
          const by = event.key === 'PageDown' ? 1 : -1;
          const lesson = s.lesson ? lessonById(s.lesson) : undefined;
          const next = s.stop + by;
          if (!lesson) s.stepBy(by);
          else if (next >= 0 && next < lesson.stops.length) goToStop(store, lesson.id, next);
          break;
        }
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
        case 'Escape':
          // What a presenter presses to get out. A dialog, the drawer or a menu closes
          // first: they take the key before it gets here, or it comes from inside one.
          if (
            !s.presentation ||
            (event.target instanceof Element && event.target.closest('dialog'))
          ) {
            return;
          }
          s.setPresentation(false);
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, onHelp]);
}
