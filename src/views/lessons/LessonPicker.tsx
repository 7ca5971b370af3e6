import { useId } from 'react';
import { useStore } from 'zustand';
import { AUTHORED_ID, authoredSlot } from '../../lessons/authored';
import { LESSON_OUTLINES } from '../../lessons/outlines';
import { goToStop } from '../../lessons/navigate';
import { useScene } from '../../store';
import { PHONE_QUERY, useMediaMatch } from '../useMediaMatch';
import { CAPTION_ID } from './ids';

const NONE = '';

/** Frames to wait for the lesson notes (a lazy chunk) before giving up on focusing them. */
const WAIT_FRAMES = 120;

/**
 * Moves the focus to the lesson caption once it is shown: after a choice the keys go to
 * the page, so a clicker's Page Down moves to the next stop instead of the next lesson.
 */
function focusCaptionSoon(frames = WAIT_FRAMES): void {
  if (typeof requestAnimationFrame !== 'function') return;
  requestAnimationFrame(() => {
    const caption = document.getElementById(CAPTION_ID);
    if (caption) caption.focus();
    else if (frames > 0) focusCaptionSoon(frames - 1);
  });
}

/**
 * The Lesson select of the header: choosing a lesson moves the scene to its first stop
 * and opens its notes, and the focus moves to the caption (see focusCaptionSoon);
 * "Free exploration" closes them and keeps the scene. On a phone the options show the
 * lessons' short titles, so that the closed select shows the whole choice; the full title
 * is each option's tooltip and heads the lesson notes. The lesson a teacher wrote or
 * opened comes last, marked ✎.
 */
export function LessonPicker() {
  const id = useId();
  const lesson = useScene((s) => s.lesson);
  const phone = useMediaMatch(PHONE_QUERY);
  const authored = useStore(authoredSlot, (s) => s.lesson);
  const choose = (select: HTMLSelectElement) => {
    const value = select.value;
    if (value === NONE) {
      useScene.getState().setLessonStop(NONE, 0);
      return;
    }
    goToStop(useScene, value, 0);
    select.blur();
    focusCaptionSoon();
  };
  return (
    <div className="inline-field lesson-picker">
      <label htmlFor={id}>Lesson</label>
      <select id={id} value={lesson} onChange={(e) => choose(e.currentTarget)}>
        <option value={NONE}>Free exploration</option>
        {LESSON_OUTLINES.map((l, k) => (
          <option key={l.id} value={l.id} title={l.title}>
            {k + 1}. {phone ? l.shortTitle : l.title}
          </option>
        ))}
        {authored && (
          <option value={AUTHORED_ID} title={authored.title}>
            ✎ {phone ? authored.shortTitle : authored.title}
          </option>
        )}
      </select>
    </div>
  );
}
