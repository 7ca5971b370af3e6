/**
 * Reading a link's authored lesson (`L=`) once the page is up (linkCarry.ts hands it
 * over), and the notice that says what a lesson held that could not be read as written.
 */
import type { LinkNoticeStore } from '../io/notices';
import type { SceneStore } from '../store';
import { AUTHORED_ID, authoredSlot, LESSON_KEY } from './authored';
import { addNotice, LESSON_NOTICE_TITLE, lessonOf, unpackLesson } from './lessonFile';

/**
 * Reads a link's `L=` value: the lesson goes into the authored slot, the link's stop is
 * checked against it, and what could not be read is said; a lesson that cannot be read is
 * not opened (the scene the link holds stays). Does nothing when another link's lesson
 * has come meanwhile.
 */
export function adoptLesson(packed: string, store: SceneStore, notices: LinkNoticeStore): void {
  if (authoredSlot.getState().pending !== packed) return;
  const read = unpackLesson(packed);
  const open = store.getState().lesson === AUTHORED_ID;
  if ('problem' in read) {
    authoredSlot.setState({ pending: '' });
    if (open) store.getState().setLessonStop('', 0);
    addNotice(notices, LESSON_NOTICE_TITLE, [
      `Could not read the lesson in this link (${LESSON_KEY}): ${read.problem} It was not opened.`,
    ]);
    return;
  }
  const lesson = lessonOf(read.draft);
  authoredSlot.setState({ lesson, packed, pending: '' });
  const { stop } = store.getState();
  const notes = [...read.notes];
  if (open && stop > lesson.stops.length - 1) {
    notes.push(
      `The lesson stop ${stop + 1} is past the end of the lesson (${lesson.stops.length} stops); used ${lesson.stops.length}.`,
    );
    store.getState().setLessonStop(AUTHORED_ID, lesson.stops.length - 1);
  }
  addNotice(notices, LESSON_NOTICE_TITLE, notes);
}
