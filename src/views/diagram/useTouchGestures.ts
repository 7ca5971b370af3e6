import { useCallback } from 'react';
import { classifyGesture } from './gesture';

/** What a touch on the figure does, given by the diagram. */
export interface TouchActions {
  /** A swipe: moves the time step by +1 or −1. */
  step: (delta: 1 | -1) => void;
  /** A tap on nothing that explains itself: closes the explanation. */
  dismiss: () => void;
}

/** Parts of a diagram that open an explanation when tapped (their pointerenter does it). */
const EXPLAINED = '[data-gate], [data-port], [data-node]';

/**
 * Touch (and pen) gestures on a diagram's figure, through native pointer listeners: a
 * sideways swipe steps time (see {@link classifyGesture}); a tap on a gate, port or node
 * keeps its explanation open (their handlers ignore a touch's pointerleave), a tap on
 * anything else closes it. Mouse input is left to the hover handlers. Returns the ref
 * callback to put on the figure; `actions` should be stable (memoised).
 */
export function useTouchGestures(actions: TouchActions): (element: HTMLElement | null) => void {
  return useCallback(
    (element: HTMLElement | null) => {
      if (!element) return;
      let start: { id: number; x: number; y: number } | null = null;
      const down = (e: PointerEvent) => {
        if (e.pointerType === 'mouse' || !e.isPrimary) return;
        start = { id: e.pointerId, x: e.clientX, y: e.clientY };
      };
      const up = (e: PointerEvent) => {
        if (!start || e.pointerId !== start.id) return;
        const { x, y } = start;
        start = null;
        const gesture = classifyGesture(e.clientX - x, e.clientY - y);
        if (gesture === 'next' || gesture === 'previous') {
          actions.dismiss();
          actions.step(gesture === 'next' ? 1 : -1);
        } else if (gesture === 'tap') {
          const on = e.target instanceof Element ? e.target.closest(EXPLAINED) : null;
          if (!on) actions.dismiss();
        }
      };
      const cancel = () => {
        start = null;
      };
      element.addEventListener('pointerdown', down);
      element.addEventListener('pointerup', up);
      element.addEventListener('pointercancel', cancel);
      return () => {
        element.removeEventListener('pointerdown', down);
        element.removeEventListener('pointerup', up);
        element.removeEventListener('pointercancel', cancel);
      };
    },
    [actions],
  );
}
