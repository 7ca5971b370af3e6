/**
 * What a touch on the diagram meant, from where it started and ended: a tap (it hardly
 * moved), a swipe to the next or previous step (mostly sideways and far enough), or
 * nothing (a vertical scroll, a short wobble). Pure: the figure's pointer handlers feed
 * it, so it is tested without a browser. Time is not asked: on a busy phone the events of
 * a quick swipe can arrive late.
 */

/** A tap moves less than this, in CSS px. */
export const TAP_SLOP = 10;
/** A swipe travels at least this far sideways, in CSS px. */
export const SWIPE_MIN = 40;
/** One touch's outcome: 'tap', a step of +1 / −1, or 'none'. */
export type Gesture = 'tap' | 'next' | 'previous' | 'none';

/**
 * Classifies a touch that moved (`dx`, `dy`) CSS px from its start. Swiping left
 * (dx < 0) turns the page forward: the next step; swiping right goes back. A swipe must be
 * at least twice as wide as it is tall, so scrolling the page never steps.
 */
export function classifyGesture(dx: number, dy: number): Gesture {
  if (!Number.isFinite(dx) || !Number.isFinite(dy)) return 'none';
  if (Math.hypot(dx, dy) < TAP_SLOP) return 'tap';
  if (Math.abs(dx) < SWIPE_MIN || Math.abs(dx) < 2 * Math.abs(dy)) return 'none';
  return dx < 0 ? 'next' : 'previous';
}
