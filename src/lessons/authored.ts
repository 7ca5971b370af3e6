/**
 * The lesson a teacher wrote (or opened from a file or a link), beside the built-in ones:
 * one slot, under the id {@link AUTHORED_ID}, that `lessonById` and `lessonStops` read, so
 * an authored lesson plays exactly as a built-in one (notes, Previous / Next, its stop in
 * the link, presentation mode). Small on purpose: it loads with the first paint; reading
 * and checking a lesson (lessonFile.ts) loads on demand.
 */
import { createStore } from 'zustand/vanilla';
import type { Lesson } from './types';

/** The link id of the authored lesson (`lesson=authored`): built-in ids never take it. */
export const AUTHORED_ID = 'authored';

/** The link key carrying the whole authored lesson, compressed (see lessonFile.ts). */
export const LESSON_KEY = 'L';

/** The link key of an embedded page (`embed=1`, see views/teach/EmbedApp.tsx). */
export const EMBED_KEY = 'embed';

/** True when a hash (without '#') asks for the embedded page. */
export function isEmbedHash(hash: string): boolean {
  return hash.split('&').includes(`${EMBED_KEY}=1`);
}

/** The authored lesson, and the same compressed for the address. */
export interface AuthoredSlot {
  /** The lesson, its id {@link AUTHORED_ID}; null when none is open or authored. */
  readonly lesson: Lesson | null;
  /** `lesson` as the link's `L=` value; '' when it does not fit a link. */
  readonly packed: string;
  /**
   * A link's `L=` value not read yet (its reader loads after the first paint): while set,
   * `lesson=authored` is accepted with any stop, and checked once it is read.
   */
  readonly pending: string;
}

/** The slot's store (plain zustand, no React): set it with `setState`. */
export const authoredSlot = createStore<AuthoredSlot>()(() => ({
  lesson: null,
  packed: '',
  pending: '',
}));

/** The authored lesson when `id` is its id, else undefined. */
export function authoredLesson(id: string): Lesson | undefined {
  const { lesson } = authoredSlot.getState();
  return id === AUTHORED_ID && lesson ? lesson : undefined;
}
