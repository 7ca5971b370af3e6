import { useEffect, useRef } from 'react';
import type { StopView } from '../../lessons/types';
import { stuckCover } from './stuckCover';

/** How far down the first screen a view may start and still count as in view. */
const IN_VIEW = 0.75;

/** Room left between what is stuck at the top of the screen and a view brought up, px. */
const GAP = 8;

/**
 * When the stop changes (`key`), shows what it is about: the page's top (header, notes and
 * diagram) when the first view the stop refers to starts within the first screen (beside
 * the diagram, say) or when it refers to none; otherwise that view (the region of that id)
 * at the top of the screen, under what sticks there (stuckCover: in presentation the notes
 * strip, so that the caption and the view it speaks of show together). At once, like a
 * slide change: no motion, and no smooth scroll left aiming at a place that moved while
 * models load. Waits a frame, so a view the stop has just made visible is laid out. When
 * the notes first appear (they load after the page), only a view far down is brought up:
 * the page is not sent back to its top under a reader who has already scrolled.
 */
export function useBringIntoView(views: readonly StopView[] | undefined, key: string): void {
  const first = views?.[0];
  const mounted = useRef(false);
  useEffect(() => {
    const stopChanged = mounted.current;
    mounted.current = true;
    const frame = requestAnimationFrame(() => {
      const region = first ? document.getElementById(first) : null;
      const top = region ? region.getBoundingClientRect().top + window.scrollY : 0;
      if (!region || top < window.innerHeight * IN_VIEW) {
        if (stopChanged && window.scrollY > 0) window.scrollTo({ top: 0, behavior: 'auto' });
      } else {
        window.scrollTo({ top: top - stuckCover(region.closest('main')) - GAP, behavior: 'auto' });
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [first, key]);
}
