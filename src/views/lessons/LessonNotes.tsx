import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { useEffect } from 'react';
import { useLinkNotice } from '../../io/notices';
import { adoptLesson } from '../../lessons/adoptLesson';
import { authoredSlot } from '../../lessons/authored';
import { lessonWithCaptions } from '../../lessons/lessons';
import { useScene } from '../../store';
import { StopNotes } from './StopNotes';
import './lessons.css';

/**
 * The region "Lesson notes" while a lesson is open: its title, where we are ("Stop 2 of
 * 5"), the stop's caption with the numbers of the stop's scene in it, and Previous / Next,
 * which move the whole scene to that stop. When the screen has moved away from the stop in
 * what the caption depends on, it says so and offers Back to this stop. Opening a stop
 * brings the view it refers to into view. Close lesson leaves the scene as it is.
 */
export function LessonNotes() {
  const { lesson: id, stop } = useScene(useShallow((s) => ({ lesson: s.lesson, stop: s.stop })));
  useStore(authoredSlot, (s) => s.lesson); // an authored lesson's edits show at once
  // A link's authored lesson (L=) is read here, the first code to need it.
  const pending = useStore(authoredSlot, (s) => s.pending);
  useEffect(() => {
    if (pending) adoptLesson(pending, useScene, useLinkNotice);
  }, [pending]);
  const lesson = lessonWithCaptions(id);
  if (!lesson) return null;
  const k = Math.min(stop, lesson.stops.length - 1);
  return <StopNotes key={lesson.id} lesson={lesson} k={k} />;
}
