import { AUTHORED_ID, authoredSlot, EMBED_KEY, LESSON_KEY } from '../../lessons/authored';

import { stopHash } from '../../lessons/navigate';
import { encodeScene } from '../../io/sceneUrl';
import type { SceneState } from '../../store';

/** This page's address without query or hash. */
export const pageBase = () => `${location.origin}${location.pathname}`;

/**
 * The link of the authored lesson at its first stop, the whole lesson in it (`L=`); null
 * when there is none or it is too long for a link.
 */
export function authoredLessonLink(base = pageBase()): string | null {
  const { lesson, packed } = authoredSlot.getState();
  if (!lesson || !packed) return null;
  return `${base}#${stopHash(lesson, 0)}&${LESSON_KEY}=${packed}`;
}

/**
 * The link of the scene as it is, embedded (`embed=1`): with its lesson and stop, and the
 * authored lesson itself when that is the one open (and fits a link).
 */
export function embedLink(state: SceneState, base = pageBase()): string {
  const { packed } = authoredSlot.getState();
  const lesson = state.lesson === AUTHORED_ID && packed ? `&${LESSON_KEY}=${packed}` : '';
  return `${base}#${encodeScene(state)}&${EMBED_KEY}=1${lesson}`;
}

/** Text safe inside an HTML attribute value in double quotes. */
export const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The `<iframe>` a course page pastes to show `link`, titled `title`. */
export function iframeSnippet(link: string, title: string): string {
  return `<iframe src="${escapeAttribute(link)}" title="${escapeAttribute(title)}" width="100%" height="640" style="border: 0; max-width: 100%; min-width: 480px" loading="lazy" allow="fullscreen"></iframe>`;
}

/** Copies `text`; false when the browser refuses (the caller shows it to copy by hand). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
