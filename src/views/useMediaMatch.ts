import { useCallback, useSyncExternalStore } from 'react';
import { mediaQuery } from './mediaQuery';

/**
 * Phones: the width under which the style sheets fold the header's secondary buttons into
 * a menu and the selects show short option labels (small-screens.css says the same).
 */
export const PHONE_QUERY = '(max-width: 600px)';

/** Whether the media query matches now; re-renders when it changes (false without matchMedia). */
export function useMediaMatch(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = mediaQuery(query);
      list?.addEventListener('change', onChange);
      return () => list?.removeEventListener('change', onChange);
    },
    [query],
  );
  const matches = useCallback(() => mediaQuery(query)?.matches ?? false, [query]);
  return useSyncExternalStore(subscribe, matches, () => false);
}
