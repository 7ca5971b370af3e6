import type { StateCreator } from 'zustand';
import { SCENE_DEFAULTS, type EquationNotation, type ThemeChoice, type ViewsShown } from '../scene';
import type { SceneState } from './scene';

/** How the scene is presented. Serializable; part of a shared link. */
export interface UiSlice {
  /** Lecture mode: large type, high contrast, editing panels folded away. */
  presentation: boolean;
  /** Editing panels hidden (a teacher's "lesson link" opens this way). */
  editingHidden: boolean;
  theme: ThemeChoice;
  views: ViewsShown;
  /** How the equations are written (every pane's panel; part of the link). */
  notation: EquationNotation;
  /** Writes the equations' notation for every pane. */
  setNotation: (notation: EquationNotation) => void;
  /** Id of the guided lesson being followed ('' for none); see src/lessons. */
  lesson: string;
  /** The lesson's current stop, 0-based. */
  stop: number;
  /** Opens lesson `lesson` at `stop` ('' closes the lesson notes). */
  setLessonStop: (lesson: string, stop: number) => void;
  setPresentation: (on: boolean) => void;
  setEditingHidden: (hidden: boolean) => void;
  setTheme: (theme: ThemeChoice) => void;
  setViewShown: (view: keyof ViewsShown, shown: boolean) => void;
}

/** Creates the UI slice: everything shown, system theme, not presenting. */
export const createUiSlice: StateCreator<SceneState, [], [], UiSlice> = (set) => ({
  presentation: SCENE_DEFAULTS.presentation,
  editingHidden: SCENE_DEFAULTS.editingHidden,
  theme: SCENE_DEFAULTS.theme,
  views: SCENE_DEFAULTS.views,
  notation: SCENE_DEFAULTS.notation,
  setNotation: (notation) => set({ notation }),
  lesson: SCENE_DEFAULTS.lesson,
  stop: SCENE_DEFAULTS.stop,
  setLessonStop: (lesson, stop) =>
    set({ lesson, stop: lesson ? Math.max(0, Math.floor(stop)) : 0 }),
  setPresentation: (presentation) => set({ presentation }),
  setEditingHidden: (editingHidden) => set({ editingHidden }),
  setTheme: (theme) => set({ theme }),
  setViewShown: (view, shown) => set((s) => ({ views: { ...s.views, [view]: shown } })),
});
