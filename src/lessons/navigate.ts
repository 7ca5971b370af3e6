import { decodeScene, type LessonStops } from '../io/sceneUrl';
import { applySnapshot } from '../store/sceneSync';
import type { SceneStore } from '../store';
import { MAX_LESSON_STOPS } from '../io/sceneSchema';
import { AUTHORED_ID, authoredLesson, authoredSlot } from './authored';
import { LESSON_OUTLINES } from './outlines';
import type { LessonOutline } from './types';

/** The number of stops of every built-in lesson, by id. */
export const LESSON_STOPS: LessonStops = new Map(
  LESSON_OUTLINES.map((lesson) => [lesson.id, lesson.stops.length]),
);

/**
 * The lessons a link may open now: the built-in ones, and the authored lesson when there
 * is one (any stop while a link's lesson is still being read; see authored.ts).
 */
export function lessonStops(): LessonStops {
  const { lesson, pending } = authoredSlot.getState();
  if (!lesson && !pending) return LESSON_STOPS;
  const stops = new Map(LESSON_STOPS);
  stops.set(AUTHORED_ID, pending ? MAX_LESSON_STOPS : (lesson?.stops.length ?? 0));
  return stops;
}

/**
 * The lesson of this id (built-in or the authored one), or undefined; a built-in one
 * without its captions (`lessonWithCaptions` in lessons.ts has them).
 */
export function lessonById(id: string): LessonOutline | undefined {
  return authoredLesson(id) ?? LESSON_OUTLINES.find((lesson) => lesson.id === id);
}

/**
 * The link text of stop `k` (0-based) of a lesson, without '#': schema v1, its scene with
 * the stop's settings on top (a later key wins), and the lesson and stop themselves.
 */
export function stopHash(lesson: LessonOutline, k: number): string {
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
  const { scene, problems } = decodeScene(stopHash(lesson, stop), lessonStops());
  const { presentation, theme, editingHidden } = store.getState();
  applySnapshot(store, { ...scene, presentation, theme, editingHidden });
  return problems;
}

/** Closes the lesson notes; the scene stays as it is. */
export function closeLesson(store: SceneStore): void {
  store.getState().setLessonStop('', 0);
}
