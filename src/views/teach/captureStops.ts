import { fillCaption } from '../../lessons/captions';
import { goToStop } from '../../lessons/navigate';
import type { Lesson } from '../../lessons/types';
import { snapshotOf } from '../../io/sceneSchema';
import { paneRunOf, type SceneStore } from '../../store';
import { applySnapshot } from '../../store/sceneSync';
import { diagramSvg } from '../exports/exporters';

/** One stop of a handout: its caption (numbers filled in) and its diagrams, as SVG. */
export interface HandoutStop {
  readonly caption: string;
  /** One picture per model of the stop's scene: the pane's letter and its SVG file. */
  readonly pictures: readonly { readonly paneId: string; readonly svg: string }[];
}

/** Longest wait for one stop's models (trained files loading) and diagrams, ms. */
const STOP_WAIT_MS = 15_000;

const frame = () => new Promise<void>((done) => requestAnimationFrame(() => done()));

/** Waits until every pane has run (or failed for good), then two frames for React to draw. */
async function settled(store: SceneStore, giveUpAt: number): Promise<void> {
  for (;;) {
    const { panes, input } = store.getState();
    const loading = panes.some((p) => {
      const run = paneRunOf(p, input);
      return !run.ok && run.loading === true;
    });
    if (!loading || performance.now() > giveUpAt) break;
    await frame();
  }
  await frame();
  await frame();
}

/**
 * Walks the page through every stop of `lesson` and keeps each stop's caption and cell
 * diagrams as drawn (exports' SVG) in the light scheme, for paper, then puts the scene
 * (and its theme) back as it was. `onStop(k)` says which stop is being drawn;
 * `cancelled()` stops the walk (the scene is still put back).
 */
export async function captureStops(
  lesson: Lesson,
  store: SceneStore,
  onStop: (k: number) => void,
  cancelled: () => boolean,
): Promise<HandoutStop[]> {
  const before = snapshotOf(store.getState());
  const out: HandoutStop[] = [];
  try {
    for (let k = 0; k < lesson.stops.length && !cancelled(); k++) {
      onStop(k);
      goToStop(store, lesson.id, k);
      // Pictures for paper: drawn in the light scheme, whatever the page's (put back below).
      if (store.getState().theme !== 'light') store.getState().setTheme('light');
      const giveUpAt = performance.now() + STOP_WAIT_MS;
      await settled(store, giveUpAt);
      const state = store.getState();
      let pictures = state.panes.map((p) => ({ paneId: p.id, svg: diagramSvg(state, p.id) }));
      // A diagram mounting late (a lazily drawn pane): a few more frames.
      for (let n = 0; n < 30 && pictures.some((p) => p.svg === null); n++) {
        await frame();
        pictures = state.panes.map((p) => ({ paneId: p.id, svg: diagramSvg(state, p.id) }));
      }
      out.push({
        caption: fillCaption(lesson.stops[k]?.caption ?? '', state),
        pictures: pictures.flatMap((p) =>
          p.svg === null ? [] : [{ paneId: p.paneId, svg: p.svg }],
        ),
      });
    }
  } finally {
    applySnapshot(store, before);
  }
  return out;
}
