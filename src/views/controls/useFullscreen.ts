import { useCallback, useSyncExternalStore } from 'react';

/** What {@link useFullscreen} returns. */
export interface FullscreenState {
  /** The browser offers the Fullscreen API here (not in some iframes, not on iPhone). */
  supported: boolean;
  /** The page is in full screen now. */
  active: boolean;
  /** Enters full screen on the whole page, or leaves it. */
  toggle: () => void;
}

function subscribe(onChange: () => void): () => void {
  document.addEventListener('fullscreenchange', onChange);
  return () => document.removeEventListener('fullscreenchange', onChange);
}

function isSupported(): boolean {
  return (
    typeof document !== 'undefined' &&
    document.fullscreenEnabled === true &&
    typeof document.documentElement.requestFullscreen === 'function'
  );
}

/**
 * The page's full-screen state, following the browser (Esc leaves full screen without
 * us). A refused request (no user gesture, a policy) leaves the page as it was: there is
 * nothing to report, the button simply keeps its label.
 */
export function useFullscreen(): FullscreenState {
  const active = useSyncExternalStore(
    subscribe,
    () => document.fullscreenElement != null,
    () => false,
  );
  const toggle = useCallback(() => {
    if (!isSupported()) return;
    const request = document.fullscreenElement
      ? document.exitFullscreen()
      : document.documentElement.requestFullscreen();
    request.catch(() => undefined);
  }, []);
  return { supported: isSupported(), active, toggle };
}
