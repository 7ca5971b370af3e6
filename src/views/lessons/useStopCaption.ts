import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { fillCaption } from '../../lessons/captions';
import { captionSceneOf, sceneDifferences, stopScene } from '../../lessons/stopScene';
import type { Lesson } from '../../lessons/types';
import { loadTrainedModel, useScene } from '../../store';

/** A stop's caption as the notes show it. */
export interface StopCaption {
  /** The caption, its numbers those of the stop's own scene. */
  readonly text: string;
  /** How the screen differs from the stop in what the caption depends on (empty: it agrees). */
  readonly differences: readonly string[];
}

/**
 * The caption of stop `k` of `lesson`, filled from the stop's scene (reusing the page's
 * runs where the live scene still equals it), and how the live scene has moved away from
 * the stop. Loads the stop's trained models when the live scene no longer holds them.
 */
export function useStopCaption(lesson: Lesson, k: number): StopCaption {
  const live = useScene(
    useShallow((s) => ({
      panes: s.panes,
      input: s.input,
      t: s.t,
      unit: s.unit,
      layer: s.layer,
      naming: s.naming,
    })),
  );
  const at = useMemo(() => stopScene(lesson, k), [lesson, k]);
  const [, setSettled] = useState(0);
  useEffect(() => {
    let open = true;
    for (const pane of at.panes) {
      if (pane.trained)
        void loadTrainedModel(pane.trained).then(() => open && setSettled((n) => n + 1));
    }
    return () => {
      open = false;
    };
  }, [at]);
  const stop = lesson.stops[k];
  if (!stop) return { text: '', differences: [] };
  return {
    text: fillCaption(stop.caption, captionSceneOf(at, live)),
    differences: sceneDifferences(stop, at, live),
  };
}
