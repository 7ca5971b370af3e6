import { useEffect } from 'react';
import { sequenceLength, type SceneStore } from '../store';

/** True when a key event belongs to a field that uses the keys itself. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/**
 * Playback from the keyboard anywhere outside a form field: ←/→ and Page Up/Down (what
 * presenter clickers send) step, Space plays or pauses, Home/End jump to the first and
 * last step. A focused button keeps Space for itself.
 */
export function useKeyboardShortcuts(store: SceneStore): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isEditable(event.target)) return;
      const s = store.getState();
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
