import { useEffect } from 'react';
import type { StopView } from '../../lessons/types';
import { mediaQuery } from '../mediaQuery';

/**
 * When the stop changes (`key`), scrolls the first view it refers to (the region of that
 * id) into view, smoothly unless the user prefers reduced motion; a view already on screen
 * does not move. Waits a frame, so a view the stop has just made visible is laid out.
 */
export function useBringIntoView(views: readonly StopView[] | undefined, key: string): void {
  const first = views?.[0];
  useEffect(() => {
    if (!first) return;
    const frame = requestAnimationFrame(() => {
      const region = document.getElementById(first);
      if (!region || typeof region.scrollIntoView !== 'function') return;
      const box = region.getBoundingClientRect();
      if (box.top >= 0 && box.top < window.innerHeight * 0.75) return; // already in view
      const still = mediaQuery('(prefers-reduced-motion: reduce)')?.matches ?? true;
      region.scrollIntoView({ behavior: still ? 'auto' : 'smooth', block: 'start' });
    });
    return () => cancelAnimationFrame(frame);
  }, [first, key]);
}
