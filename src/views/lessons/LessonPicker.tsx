import { useId } from 'react';
import { LESSONS } from '../../lessons/lessons';
import { goToStop } from '../../lessons/navigate';
import { useScene } from '../../store';

const NONE = '';

/**
 * The Lesson select of the header: choosing a lesson moves the scene to its first stop
 * and opens its notes; "Free exploration" closes them and keeps the scene.
 */
export function LessonPicker() {
  const id = useId();
  const lesson = useScene((s) => s.lesson);
  const choose = (value: string) => {
    if (value === NONE) useScene.getState().setLessonStop(NONE, 0);
    else goToStop(useScene, value, 0);
  };
  return (
    <div className="inline-field lesson-picker">
      <label htmlFor={id}>Lesson</label>
      <select id={id} value={lesson} onChange={(e) => choose(e.currentTarget.value)}>
        <option value={NONE}>Free exploration</option>
        {LESSONS.map((l, k) => (
          <option key={l.id} value={l.id}>
            {k + 1}. {l.title}
          </option>
        ))}
      </select>
    </div>
  );
}
