import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { authoredSlot } from '../../lessons/authored';
import { lessonById } from '../../lessons/navigate';
import type { StopView } from '../../lessons/types';
import { useScene } from '../../store';

const NONE: readonly StopView[] = [];

/** The views the open lesson's current stop refers to (none without a lesson). */
export function useStopViews(): readonly StopView[] {
  useStore(authoredSlot, (s) => s.lesson); // the authored lesson may change under the stop
  return useScene(
    useShallow((s) => {
      const lesson = s.lesson ? lessonById(s.lesson) : undefined;
      if (!lesson) return NONE;
      return lesson.stops[Math.min(s.stop, lesson.stops.length - 1)]?.views ?? NONE;
    }),
  );
}
