import { useId, useState } from 'react';
import { lessonById } from '../../lessons/navigate';
import { useScene } from '../../store';
import { Region } from '../Region';
import { copyText, embedLink, iframeSnippet } from './lessonLinks';
import { useTeachUi } from './teachUi';
import './teach.css';

/** The iframe's title: the lesson's, or the scene's models ("Gatescope: LSTM"). */
function frameTitle(): string {
  const s = useScene.getState();
  const lesson = s.lesson ? lessonById(s.lesson) : undefined;
  if (lesson) return `Gatescope lesson: ${lesson.title}`;
  return `Gatescope: ${s.panes.map((p) => p.cell.toUpperCase()).join(' and ')}`;
}

/**
 * The region "Embed": an `<iframe>` snippet of the scene as it is (with its lesson and
 * stop), to paste into a course page or slides, and Copy snippet. The frame shows the
 * diagram, playback and the lesson's notes, with a link to the full app (see EmbedApp).
 */
export function EmbedPanel() {
  const id = useId();
  // The scene when the panel opened, and again on Update: the snippet does not follow every step.
  const [snippet, setSnippet] = useState(() =>
    iframeSnippet(embedLink(useScene.getState()), frameTitle()),
  );
  const [said, setSaid] = useState('');
  const refresh = () => {
    setSnippet(iframeSnippet(embedLink(useScene.getState()), frameTitle()));
    setSaid('Updated to the scene shown now.');
  };
  const close = (
    <button type="button" className="small" onClick={() => useTeachUi.getState().show(null)}>
      Close
    </button>
  );
  return (
    <Region id="embed" title="Embed" className="region-embed" actions={close}>
      <label htmlFor={id}>Paste this into a course page (480 px wide or more):</label>
      <textarea
        id={id}
        className="embed-snippet"
        readOnly
        rows={4}
        value={snippet}
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className="author-buttons">
        <button
          type="button"
          onClick={() =>
            void copyText(snippet).then((ok) =>
              setSaid(ok ? 'Copied the snippet.' : 'Select the snippet and copy it by hand.'),
            )
          }
        >
          Copy snippet
        </button>
        <button type="button" onClick={refresh}>
          Use the scene shown now
        </button>
      </div>
      <p className="author-status" role="status">
        {said}
      </p>
    </Region>
  );
}
