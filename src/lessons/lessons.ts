import { authoredLesson } from './authored';
import { LESSON_CAPTIONS } from './captionTexts';
import { LESSON_OUTLINES } from './outlines';
import type { Lesson } from './types';

/**
 * The guided lessons with their captions: each outline of `LESSON_OUTLINES` with its stops'
 * captions from `LESSON_CAPTIONS` (a test checks that every stop has one). Imported only by
 * what shows captions (the lesson notes, the handout), which load after first paint.
 */
export const LESSONS: readonly Lesson[] = LESSON_OUTLINES.map((outline) => ({
  ...outline,
  stops: outline.stops.map((stop, k) => ({
    ...stop,
    caption: LESSON_CAPTIONS[outline.id]?.[k] ?? '',
  })),
}));

/** The lesson of this id with its captions (built-in or the authored one), or undefined. */
export function lessonWithCaptions(id: string): Lesson | undefined {
  return authoredLesson(id) ?? LESSONS.find((lesson) => lesson.id === id);
}
