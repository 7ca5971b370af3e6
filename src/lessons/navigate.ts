import { decodeScene, type LessonStops } from '../io/sceneUrl';
import { applySnapshot } from '../store/sceneSync';
import type { SceneStore } from '../store';
import { LESSONS } from './lessons';
import type { Lesson } from './types';

/** The number of stops of every lesson, by id: the lessons a link may open. */
export const LESSON_STOPS: LessonStops = new Map(
  LESSONS.map((lesson) => [lesson.id, lesson.stops.length]),
);

/** The lesson of this id, or undefined. */
export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}

/**
 * The link text of stop `k` (0-based) of a lesson, without '#': schema v1, its scene with
 * the stop's settings on top (a later key wins), and the lesson and stop themselves.
 */
export function stopHash(lesson: Lesson, k: number): string {
  const params = new URLSearchParams(`v=1&${lesson.scene}`);
  const stop = lesson.stops[k];
  for (const [key, value] of new URLSearchParams(stop?.set ?? '')) params.set(key, value);
  params.set('lesson', lesson.id);
  params.set('stop', String(k + 1));
  return params.toString().replace(/\+/g, '%20');
}

/**
 * Moves the scene to stop `k` of lesson `id`, keeping how the user presents it (theme,
 * presentation mode, folded panels). Returns the problems of reading the stop's scene,
 * which a test keeps empty for every shipped lesson; an unknown lesson changes nothing.
 */
export function goToStop(store: SceneStore, id: string, k: number): string[] {
  const lesson = lessonById(id);
  if (!lesson) return [`There is no lesson “${id}”.`];
  const stop = Math.min(Math.max(0, k), lesson.stops.length - 1);
  const { scene, problems } = decodeScene(stopHash(lesson, stop), LESSON_STOPS);
  const { presentation, theme, editingHidden } = store.getState();
  applySnapshot(store, { ...scene, presentation, theme, editingHidden });
  return problems;
}

/** Closes the lesson notes; the scene stays as it is. */
export function closeLesson(store: SceneStore): void {
  store.getState().setLessonStop('', 0);
}
