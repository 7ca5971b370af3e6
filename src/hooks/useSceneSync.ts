import { useLayoutEffect } from 'react';
import { useLinkNotice } from '../io/notices';
import { startSceneSync } from '../store/sceneSync';
import { LESSONS } from '../lessons/lessons';
import { stopHash } from '../lessons/navigate';
import type { SceneStore } from '../store';

/**
 * Puts the whole scene in the address (`#v=1&…`) and in localStorage, and reads it back:
 * on mount a link's hash is applied (what it held that could not be read goes to
 * `<LinkNotice />`), else the last saved scene is restored, else the first lesson opens
 * (a trained LSTM holding the first input); then every change is written,
 * debounced, with history.replaceState, and a link pasted into the tab is applied.
 * A layout effect, so a link's scene is in place before the first paint.
 */
export function useSceneSync(store: SceneStore): void {
  useLayoutEffect(() => {
    const first = LESSONS[0];
    return startSceneSync(store, useLinkNotice, window, first && stopHash(first, 0));
  }, [store]);
}
