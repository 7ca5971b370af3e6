import { useId, useRef, useState } from 'react';
import { LESSON_LIMITS } from '../../lessons/lessonFile';
import { MAX_LESSON_STOPS } from '../../io/sceneSchema';
import { Region } from '../Region';
import { CaptionField, insertAt } from './CaptionField';
import { LessonFileActions } from './LessonFileActions';
import { EMPTY_DRAFT, useLessonDraft } from './lessonDraft';
import { PlaceholderPicker } from './PlaceholderPicker';
import { StopItem } from './StopItem';
import { useTeachUi } from './teachUi';
import './teach.css';

/** Which caption the picker inserts into: a stop's (its index) or the next stop's ('new'). */
type Target = { field: HTMLTextAreaElement; k: number | 'new' };

/**
 * The region "Write a lesson": New lesson, the title and description, the stops (each a
 * caption over a captured scene: edit, show, re-capture, reorder, delete), the next stop's
 * caption with the live-number picker and Add stop, which captures the scene shown now;
 * and the lesson's file and link (LessonFileActions). The lesson plays as it is written.
 */
export function AuthorPanel() {
  const ids = useId();
  const { draft } = useLessonDraft();
  const actions = useLessonDraft.getState();
  const [next, setNext] = useState('');
  const target = useRef<Target | null>(null);
  const focus = (field: HTMLTextAreaElement, k: number | 'new') => {
    target.current = { field, k };
  };
  const insert = (placeholder: string) => {
    const at = target.current ?? { field: null, k: 'new' as const };
    const text = at.k === 'new' ? next : (draft.stops[at.k]?.caption ?? '');
    const result = insertAt(text, at.field, placeholder);
    if (at.k === 'new') setNext(result.text);
    else actions.setCaption(at.k, result.text);
    requestAnimationFrame(() => {
      at.field?.focus();
      at.field?.setSelectionRange(result.cursor, result.cursor);
    });
  };
  const full = draft.stops.length >= MAX_LESSON_STOPS;
  const close = (
    <button type="button" className="small" onClick={() => useTeachUi.getState().show(null)}>
      Close
    </button>
  );
  return (
    <Region id="author" title="Write a lesson" className="region-author" actions={close}>
      <div className="author-head">
        <button
          type="button"
          onClick={() => {
            actions.replace(EMPTY_DRAFT);
            setNext('');
          }}
        >
          New lesson
        </button>
        <LessonFileActions />
      </div>
      <div className="author-fields">
        <label htmlFor={`${ids}-title`}>Title</label>
        <input
          id={`${ids}-title`}
          type="text"
          value={draft.title}
          maxLength={LESSON_LIMITS.title}
          placeholder="Untitled lesson"
          onChange={(e) => actions.setText('title', e.currentTarget.value)}
        />
        <label htmlFor={`${ids}-description`}>Description (optional)</label>
        <input
          id={`${ids}-description`}
          type="text"
          value={draft.description}
          maxLength={LESSON_LIMITS.description}
          onChange={(e) => actions.setText('description', e.currentTarget.value)}
        />
      </div>
      {draft.stops.length > 0 && (
        <ol className="author-stops" aria-label="Stops">
          {draft.stops.map((stop, k) => (
            <StopItem key={k} stop={stop} k={k} count={draft.stops.length} onFocusField={focus} />
          ))}
        </ol>
      )}
      <div className="author-next">
        <PlaceholderPicker onInsert={insert} />
        <CaptionField
          label={`Caption of stop ${draft.stops.length + 1}`}
          value={next}
          maxLength={LESSON_LIMITS.caption}
          onChange={setNext}
          onFocusField={(field) => focus(field, 'new')}
        />
        <button
          type="button"
          disabled={next.trim() === '' || full}
          onClick={() => {
            actions.addStop(next);
            setNext('');
          }}
        >
          Add stop
        </button>
        <p className="author-hint">
          {full
            ? `A lesson has at most ${MAX_LESSON_STOPS} stops.`
            : 'Add stop keeps the scene shown now (models, input, step, unit, layer, views) with this caption.'}
        </p>
      </div>
    </Region>
  );
}
