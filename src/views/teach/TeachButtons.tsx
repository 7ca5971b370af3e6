import { useScene } from '../../store';
import { useTeachUi, type TeachTool } from './teachUi';

/**
 * The header's teacher's tools: Write a lesson (a toggle), Embed, and Print lesson while
 * a lesson is open. Each opens its panel (`TeachPanels`), whose code loads on demand.
 */
export function TeachButtons() {
  const open = useTeachUi((s) => s.open);
  const lessonOpen = useScene((s) => s.lesson !== '');
  const toggle = (tool: TeachTool) => useTeachUi.getState().show(open === tool ? null : tool);
  return (
    <div className="teach-buttons" role="group" aria-label="Teach">
      <button type="button" aria-pressed={open === 'author'} onClick={() => toggle('author')}>
        Write a lesson
      </button>
      <button type="button" aria-pressed={open === 'embed'} onClick={() => toggle('embed')}>
        Embed
      </button>
      {lessonOpen && (
        <button type="button" onClick={() => toggle('print')}>
          Print lesson
        </button>
      )}
    </div>
  );
}
