import { AUTHORED_ID } from '../../lessons/authored';
import { LESSON_LIMITS, type DraftStop } from '../../lessons/lessonFile';
import { goToStop } from '../../lessons/navigate';
import { useScene } from '../../store';
import { CaptionField } from './CaptionField';
import { useLessonDraft } from './lessonDraft';

/** Props of {@link StopItem}. */
export interface StopItemProps {
  /** The stop. */
  stop: DraftStop;
  /** Its place, 0-based. */
  k: number;
  /** How many stops the lesson has. */
  count: number;
  /** Called with a caption field when it takes the focus (see PlaceholderPicker). */
  onFocusField: (field: HTMLTextAreaElement, k: number) => void;
}

/**
 * One stop of the lesson being written: its caption to edit, Show (the stop's scene, with
 * the lesson's notes), Use current scene, Up, Down and Delete.
 */
export function StopItem({ stop, k, count, onFocusField }: StopItemProps) {
  const draft = useLessonDraft.getState();
  const n = k + 1;
  return (
    <li className="author-stop" data-stop={n}>
      <CaptionField
        label={`Caption of stop ${n}`}
        value={stop.caption}
        maxLength={LESSON_LIMITS.caption}
        onChange={(caption) => draft.setCaption(k, caption)}
        onFocusField={(field) => onFocusField(field, k)}
      />
      <div className="author-stop-buttons" role="group" aria-label={`Stop ${n}`}>
        <button type="button" onClick={() => goToStop(useScene, AUTHORED_ID, k)}>
          Show
        </button>
        <button
          type="button"
          onClick={() => draft.recapture(k)}
          title="Make the scene shown now this stop's scene"
        >
          Use current scene
        </button>
        <button
          type="button"
          onClick={() => draft.move(k, -1)}
          disabled={k === 0}
          aria-label={`Move stop ${n} up`}
        >
          Up
        </button>
        <button
          type="button"
          onClick={() => draft.move(k, 1)}
          disabled={k === count - 1}
          aria-label={`Move stop ${n} down`}
        >
          Down
        </button>
        <button type="button" onClick={() => draft.remove(k)} aria-label={`Delete stop ${n}`}>
          Delete
        </button>
      </div>
    </li>
  );
}
