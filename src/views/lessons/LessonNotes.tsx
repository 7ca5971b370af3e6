import { useShallow } from 'zustand/react/shallow';
import { fillCaption } from '../../lessons/captions';
import { closeLesson, goToStop, lessonById } from '../../lessons/navigate';
import { useScene } from '../../store';
import { Region } from '../Region';
import './lessons.css';

/**
 * The region "Lesson notes" while a lesson is open: its title, where we are ("Stop 2 of
 * 5"), the stop's caption with the scene's live numbers in it, and Previous / Next, which
 * move the whole scene to that stop. Close lesson leaves the scene as it is.
 */
export function LessonNotes() {
  const { lesson: id, stop } = useScene(useShallow((s) => ({ lesson: s.lesson, stop: s.stop })));
  const scene = useScene(
    useShallow((s) => ({ panes: s.panes, input: s.input, t: s.t, unit: s.unit, layer: s.layer })),
  );
  const lesson = lessonById(id);
  if (!lesson) return null;
  const k = Math.min(stop, lesson.stops.length - 1);
  const caption = fillCaption(lesson.stops[k]?.caption ?? '', scene);
  const go = (next: number) => goToStop(useScene, lesson.id, next);
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
      <p className="lesson-caption" aria-live="polite" data-stop={k + 1}>
        {caption}
      </p>
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
