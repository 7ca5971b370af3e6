import { useRef } from 'react';
import { closeLesson, goToStop } from '../../lessons/navigate';
import type { Lesson } from '../../lessons/types';
import { useScene } from '../../store';
import { Region } from '../Region';
import { CAPTION_ID } from './ids';
import { StopDrift } from './StopDrift';
import { useBringIntoView } from './useBringIntoView';
import { useStopCaption } from './useStopCaption';

/** Props of {@link StopNotes}. */
export interface StopNotesProps {
  /** The open lesson. */
  lesson: Lesson;
  /** Its stop shown, 0-based and in range. */
  k: number;
}

/**
 * The region "Lesson notes" at one stop: title, "Stop 2 of 5", the caption (numbers of the
 * stop's scene), a plain notice with Back to this stop when the screen has moved away from
 * the stop, Previous / Next and Close lesson. Opening a stop brings its view into view.
 */
export function StopNotes({ lesson, k }: StopNotesProps) {
  const { text, differences } = useStopCaption(lesson, k);
  const caption = useRef<HTMLParagraphElement>(null);
  // Again when presentation turns on or off: the layout moves everything.
  const presenting = useScene((s) => s.presentation);
  useBringIntoView(lesson.stops[k]?.views, `${lesson.id}:${k}:${presenting}`);
  const go = (next: number) => goToStop(useScene, lesson.id, next);
  const back = () => {
    go(k);
    caption.current?.focus(); // the button goes away: keep the keyboard in the notes
  };
  const actions = (
    <button type="button" className="small" onClick={() => closeLesson(useScene)}>
      Close lesson
    </button>
  );
  return (
    <Region id="lesson" title="Lesson notes" className="region-lesson" actions={actions}>
      <p className="lesson-title">
        <strong>{lesson.title}</strong>{' '}
        <span className="lesson-where">
          Stop {k + 1} of {lesson.stops.length}
        </span>
      </p>
      <p
        ref={caption}
        id={CAPTION_ID}
        className="lesson-caption"
        aria-live="polite"
        data-stop={k + 1}
        tabIndex={-1}
      >
        {text}
      </p>
      <StopDrift differences={differences} onBack={back} />
      <div className="lesson-nav">
        <button type="button" onClick={() => go(k - 1)} disabled={k === 0}>
          Previous
        </button>
        <button type="button" onClick={() => go(k + 1)} disabled={k === lesson.stops.length - 1}>
          Next
        </button>
      </div>
    </Region>
  );
}
