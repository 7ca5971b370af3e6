import { create } from 'zustand';
import { AUTHORED_ID, authoredSlot } from '../../lessons/authored';
import {
  draftOf,
  lessonOf,
  packLesson,
  stopSceneText,
  type LessonDraft,
} from '../../lessons/lessonFile';
import { useScene, type SceneStore } from '../../store';

/** The lesson being written, and how to change it. */
export interface LessonDraftState {
  readonly draft: LessonDraft;
  /** Sets the title or the description. */
  setText: (field: 'title' | 'description', value: string) => void;
  /** Adds a stop holding the scene shown now (everything its link holds), with `caption`. */
  addStop: (caption: string) => void;
  /** Changes the caption of stop `k`. */
  setCaption: (k: number, caption: string) => void;
  /** Makes the scene shown now the scene of stop `k`. */
  recapture: (k: number) => void;
  /** Moves stop `k` one place earlier (-1) or later (+1). */
  move: (k: number, by: -1 | 1) => void;
  /** Deletes stop `k`. */
  remove: (k: number) => void;
  /** Replaces the whole lesson (a new one, or one opened from a file). */
  replace: (draft: LessonDraft) => void;
}

/** An empty lesson. */
export const EMPTY_DRAFT: LessonDraft = { title: '', description: '', stops: [] };

/**
 * Creates the draft's store, starting from the authored lesson open (from a link or a
 * file) if any; stops capture the scene of `scene`. Every change goes to
 * the authored lesson (lessons/authored.ts), so that it plays as it is being written.
 */
export function createLessonDraft(scene: SceneStore = useScene) {
  const store = create<LessonDraftState>()((set, get) => {
    const stops = (change: (s: LessonDraft['stops'][number][]) => void) => {
      const next = [...get().draft.stops];
      change(next);
      set({ draft: { ...get().draft, stops: next } });
    };
    const captured = () => stopSceneText(scene.getState());
    return {
      draft: draftOf(authoredSlot.getState().lesson),
      setText: (field, value) => set({ draft: { ...get().draft, [field]: value } }),
      addStop: (caption) => stops((s) => s.push({ scene: captured(), caption, views: [] })),
      setCaption: (k, caption) =>
        stops((s) => {
          if (s[k]) s[k] = { ...s[k], caption };
        }),
      recapture: (k) =>
        stops((s) => {
          if (s[k]) s[k] = { ...s[k], scene: captured() };
        }),
      move: (k, by) =>
        stops((s) => {
          const [a, b] = [s[k], s[k + by]];
          if (!a || !b) return;
          s[k] = b;
          s[k + by] = a;
        }),
      remove: (k) => stops((s) => void s.splice(k, 1)),
      replace: (draft) => set({ draft }),
    };
  });
  store.subscribe((s, prev) => {
    if (s.draft !== prev.draft) publish(s.draft, scene);
  });
  return store;
}

/**
 * Puts the draft in the authored-lesson slot (none while it has no stops); while the page
 * shows the authored lesson, a stop past the new end moves to the last, and a lesson left
 * without stops closes.
 */
function publish(draft: LessonDraft, scene: SceneStore): void {
  const lesson = draft.stops.length > 0 ? lessonOf(draft) : null;
  authoredSlot.setState({ lesson, packed: lesson ? (packLesson(draft) ?? '') : '', pending: '' });
  const { lesson: open, stop, setLessonStop } = scene.getState();
  if (open !== AUTHORED_ID) return;
  if (!lesson) setLessonStop('', 0);
  else if (stop > lesson.stops.length - 1) setLessonStop(AUTHORED_ID, lesson.stops.length - 1);
}

/** The page's lesson draft (kept while the editor is closed and opened again). */
export const useLessonDraft = createLessonDraft();
