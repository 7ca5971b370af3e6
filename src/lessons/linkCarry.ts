/**
 * The keys an address carries beside the scene (see `LinkCarry` in store/sceneSync.ts):
 * `embed=1`, which shows the page as an embedded scene, and `L=`, a whole authored lesson
 * compressed. The lesson's reader (adoptLesson.ts) loads after the first paint, with the
 * lesson notes: until it has read `L=`, the link's `lesson=authored` and its stop are taken
 * as written, then checked.
 */
import type { LinkCarry } from '../store/sceneSync';
import { AUTHORED_ID, authoredSlot, EMBED_KEY, LESSON_KEY } from './authored';

/**
 * The app's carried keys: `embed=1` kept on every address of an embedded page (`embed`),
 * and the authored lesson's `L=` while it is open.
 */
export function createLinkCarry(embed: boolean): LinkCarry {
  return {
    take(hash) {
      const kept: string[] = [];
      let packed = '';
      for (const part of hash.split('&')) {
        if (part.startsWith(`${LESSON_KEY}=`)) packed = part.slice(LESSON_KEY.length + 1);
        else if (!part.startsWith(`${EMBED_KEY}=`)) kept.push(part);
      }
      // Read by the lesson notes, which load once the lesson opens (views/lessons/LessonNotes).
      if (packed !== '' && packed !== authoredSlot.getState().packed)
        authoredSlot.setState({ pending: packed });
      return kept.join('&');
    },
    suffix(state) {
      const { packed, pending } = authoredSlot.getState();
      const lesson = state.lesson === AUTHORED_ID && (pending || packed);
      return `${embed ? `&${EMBED_KEY}=1` : ''}${lesson ? `&${LESSON_KEY}=${lesson}` : ''}`;
    },
    watch: (changed) => authoredSlot.subscribe(changed),
  };
}
