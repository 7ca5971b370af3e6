import { useCallback, useEffect } from 'react';
import { useKeyboardShortcuts } from '../../hooks/useKeyboardShortcuts';
import { usePlaybackClock } from '../../hooks/usePlaybackClock';
import { AUTHORED_ID, authoredSlot, LESSON_KEY } from '../../lessons/authored';
import { encodeScene } from '../../io/sceneUrl';
import type { PaneId } from '../../scene';
import {
  startBackgroundTraceSync,
  startImportedModelSync,
  startTrainedModelSync,
  useScene,
} from '../../store';
import { PlaybackControls } from '../controls/PlaybackControls';
import { useDocumentMode } from '../controls/useDocumentMode';
import { CellDiagram } from '../diagram/CellDiagram';
import { LazyPanel } from '../LazyPanel';
import { LazyLessonNotes } from '../lazyPanels';
import { LinkNotice } from '../LinkNotice';
import { ReadoutPanel } from '../readout/ReadoutPanel';
const pageBase = () => `${location.origin}${location.pathname}`;
import './embed.css';

/** The full app's link of the scene shown now (with the authored lesson when it is open). */
function fullLink(): string {
  const state = useScene.getState();
  const { packed } = authoredSlot.getState();
  const lesson = state.lesson === AUTHORED_ID && packed ? `&${LESSON_KEY}=${packed}` : '';
  return `${pageBase()}#${encodeScene({ ...state, editingHidden: false })}${lesson}`;
}

/**
 * The page of an embedded scene (`embed=1` in the link, see main.tsx): the cell diagram of
 * each model with its read-out, playback, and the lesson's notes when the link opens a
 * lesson; an "Open in Gatescope" link to the full app (a new tab) with the scene as it is
 * now. Nothing else: no controls, no header. Fits a frame 480 px wide or wider. Its scene
 * sync never writes the browser's storage (main.tsx), and nothing here takes the focus on
 * its own: the host page keeps its own until the reader moves into the frame.
 */
export function EmbedApp() {
  const noHelp = useCallback(() => undefined, []);
  useKeyboardShortcuts(useScene, { onHelp: noHelp });
  usePlaybackClock(useScene);
  useDocumentMode();
  useEffect(() => startTrainedModelSync(useScene), []);
  useEffect(() => startBackgroundTraceSync(useScene), []);
  useEffect(() => startImportedModelSync(useScene), []);
  const paneIds = [...useScene((s) => s.panes.map((p) => p.id).join(''))] as PaneId[];
  const lessonOpen = useScene((s) => s.lesson !== '');
  return (
    <div className="embed" data-embed="">
      <header className="embed-header">
        <span className="embed-name">Gatescope</span>
        <a
          href={fullLink()}
          target="_blank"
          rel="noopener"
          onClick={(e) => {
            e.currentTarget.href = fullLink();
          }}
        >
          Open in Gatescope
        </a>
      </header>
      <LinkNotice />
      <div className="playback-bar embed-playback">
        <PlaybackControls />
      </div>
      {lessonOpen && (
        <LazyPanel what="lesson notes" minHeight={160}>
          <LazyLessonNotes />
        </LazyPanel>
      )}
      <main className="embed-scene" data-panes={paneIds.length}>
        {paneIds.map((id) => (
          <section key={id} className="embed-pane" aria-label={`Model ${id}`}>
            <CellDiagram paneId={id} />
            <ReadoutPanel paneId={id} />
          </section>
        ))}
      </main>
    </div>
  );
}
