import { useEffect } from 'react';
import type { SceneStore } from '../store';

/** Milliseconds per step at speed 1×: the step's animation (~0.5 s) plus a pause to read. */
export const STEP_INTERVAL_MS = 800;

/**
 * Advances the time cursor while `playing`, one step every STEP_INTERVAL_MS / speed.
 * Subscribes to the store directly: no React re-render drives the clock.
 */
export function usePlaybackClock(store: SceneStore): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      const { playing, speed } = store.getState();
      if (!playing) return;
      timer = setTimeout(() => {
        store.getState().stepBy(1);
        schedule();
      }, STEP_INTERVAL_MS / speed);
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.playing !== prev.playing || s.speed !== prev.speed) schedule();
    });
    schedule();
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [store]);
}
