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
 * models load. Waits a frame, so a view the stop has just made visible is laid out, and
 * keeps the view there while what loads after it changes the page's height. When
 * the notes first appear (they load after the page), only a view far down is brought up:
 * the page is not sent back to its top under a reader who has already scrolled.
 */
export function useBringIntoView(views: readonly StopView[] | undefined, key: string): void {
  const first = views?.[0];
  const mounted = useRef(false);
  useEffect(() => {
    const stopChanged = mounted.current;
    mounted.current = true;
    let release = () => {};
    const frame = requestAnimationFrame(() => {
      const region = first ? document.getElementById(first) : null;
      const top = region ? region.getBoundingClientRect().top + window.scrollY : 0;
      if (!region || top < window.innerHeight * IN_VIEW) {
        if (stopChanged && window.scrollY > 0) window.scrollTo({ top: 0, behavior: 'auto' });
        return;
      }
      const bring = () => {
        const at = region.getBoundingClientRect().top + window.scrollY;
        window.scrollTo({ top: at - stuckCover(region.closest('main')) - GAP, behavior: 'auto' });
      };
      bring();
      release = keepInView(bring);
    });
    return () => {
      cancelAnimationFrame(frame);
      release();
    };
  }, [first, key]);
}

/** How long after a stop opens its view is kept in place while the page settles, ms. */
const SETTLE_MS = 3000;

/**
 * Calls `bring` again whenever the page's height changes in the first {@link SETTLE_MS}
 * (trained models, gradients and lazily loaded panels arrive after the stop opens, and
 * push the view down), until the reader scrolls, types or taps. Returns a stop function.
 */
function keepInView(bring: () => void): () => void {
  if (typeof ResizeObserver === 'undefined') return () => {};
  const observer = new ResizeObserver(() => bring());
  observer.observe(document.body);
  const intents = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;
  const timer = setTimeout(() => release(), SETTLE_MS);
  function release() {
    observer.disconnect();
    clearTimeout(timer);
    for (const intent of intents) window.removeEventListener(intent, release, true);
  }
  for (const intent of intents) window.addEventListener(intent, release, true);
  return release;
}
