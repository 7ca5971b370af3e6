import { useKeyboardShortcuts } from './hooks/useKeyboardShortcuts';
import { usePlaybackClock } from './hooks/usePlaybackClock';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PaneId } from './scene';
import {
  selectCompare,
  startBackgroundTraceSync,
  startImportedModelSync,
  startTrainedModelSync,
  useScene,
} from './store';
import { useModelDrop } from './views/imports/useModelDrop';
import { ComparePanes } from './views/compare/ComparePanes';
import { EquationsRegion } from './views/compare/EquationsRegion';
import { CompareToggle } from './views/controls/CompareToggle';
import { ControlsDrawerButton } from './views/controls/ControlsDrawerButton';
import { FullscreenButton } from './views/controls/FullscreenButton';
import { HeaderMenu } from './views/controls/HeaderMenu';
import { HideControlsButton } from './views/controls/HideControlsButton';
import { InputControls } from './views/controls/InputControls';
import { ModelSettings } from './views/controls/ModelSettings';
import { PlaybackControls } from './views/controls/PlaybackControls';
import { PresentationToggle } from './views/controls/PresentationToggle';
import { ShowControlsButton } from './views/controls/ShowControlsButton';
import { ShortcutsButton } from './views/controls/ShortcutsButton';
import { ShortcutsDialog } from './views/controls/ShortcutsDialog';
import { ThemeSelect } from './views/controls/ThemeSelect';
import { useDocumentMode } from './views/controls/useDocumentMode';
import { CellDiagram } from './views/diagram/CellDiagram';
import { LessonPicker } from './views/lessons/LessonPicker';
import { useSceneTop } from './views/lessons/useSceneTop';
import { useStopViews } from './views/lessons/useStopViews';
import type { StopView } from './lessons/types';
import { LazyPanel } from './views/LazyPanel';
import { PanelBoundary } from './views/PanelBoundary';
import {
  LazyCompareSummary,
  LazyExportMenu,
  LazyGateHeatmaps,
  LazyGradientPanel,
  LazyInterventionsPanel,
  LazyLessonNotes,
  LazyTrainPanel,
} from './views/lazyPanels';
import { LinkNotice } from './views/LinkNotice';
import { Region } from './views/Region';
import { ShareButtons } from './views/ShareButtons';
import { TeachButtons } from './views/teach/TeachButtons';
import { TeachPanels } from './views/teach/TeachPanels';
import { ReadoutPanel } from './views/readout/ReadoutPanel';
import { UnrolledStrip } from './views/UnrolledStrip';
import './styles/layout.css';
import './styles/compare.css';
import './styles/presentation.css';
import './styles/small-screens.css';

/**
 * The whole page: header (with its actions), playback, and the regions of the scene.
 * One pane: Controls, Cell diagram, Equations, Gate heatmaps, Gradients through time.
 * Compare mode: one region per pane ("Model A — LSTM") with its diagram and heatmaps
 * stacked, the Comparison table, the Controls as a band, then Equations and Gradients.
 * Presentation mode and a lesson link (`editingHidden`) fold the editing panels away;
 * presentation also leaves out heatmaps, gradients and the table, but for those the open
 * lesson's stop refers to. The ? key opens the list of keyboard shortcuts.
 */
export function App() {
  const [help, setHelp] = useState(false);
  const openHelp = useCallback(() => setHelp(true), []);
  useKeyboardShortcuts(useScene, { onHelp: openHelp });
  usePlaybackClock(useScene);
  useDocumentMode();
  useEffect(() => startTrainedModelSync(useScene), []);
  useEffect(() => startBackgroundTraceSync(useScene), []);
  useEffect(() => startImportedModelSync(useScene), []);
  useModelDrop();
  const paneIds = [...useScene((s) => s.panes.map((p) => p.id).join(''))] as PaneId[];
  const compare = useScene(selectCompare);
  const presentation = useScene((s) => s.presentation);
  const editingHidden = useScene((s) => s.editingHidden);
  const views = useScene((s) => s.views);
  const hasInterventions = useScene((s) => s.panes.some((p) => p.interventions.length > 0));
  const lessonOpen = useScene((s) => s.lesson !== '');
  const stopViews = useStopViews();
  const sceneRef = useRef<HTMLElement>(null);
  useSceneTop(sceneRef, presentation && lessonOpen);
  /** Presentation shows an analysis view only when the lesson's stop refers to it. */
  const shown = (view: StopView) => !presentation || stopViews.includes(view);
  const editable = !presentation && !editingHidden;
  const showHeatmaps = views.heatmaps && shown('heatmaps');
  // One pane: the Controls column comes first. Compare: the panes come first, so that they
  // show at once; the Controls follow as a band under the comparison table.
  const controls = editable && (
    <Region id="controls" title="Controls" actions={<HideControlsButton />}>
      <InputControls />
      {paneIds.map((id) => (
        <ModelSettings key={id} paneId={id} />
      ))}
      <LazyPanel what="exports" minHeight={120}>
        {paneIds.map((id) => (
          <LazyExportMenu key={`export-${id}`} paneId={id} />
        ))}
      </LazyPanel>
    </Region>
  );
  return (
    <div className="app" data-lesson={lessonOpen ? (stopViews[0] ?? '') : undefined}>
      <header className="app-header">
        <h1>Gatescope</h1>
        <p className="tagline">RNN, LSTM and GRU gates, one time step at a time.</p>
        <div className="header-actions">
          <LessonPicker />
          <CompareToggle />
          <PresentationToggle />
          <HeaderMenu>
            {editingHidden && !presentation && <ShowControlsButton />}
            <ThemeSelect />
            <FullscreenButton />
            <ShortcutsButton onOpen={openHelp} />
            <ShareButtons />
            <TeachButtons />
          </HeaderMenu>
        </div>
      </header>
      <LinkNotice />
      <TeachPanels />
      <div className="playback-bar">
        <PlaybackControls />
        <ControlsDrawerButton />
        <UnrolledStrip />
      </div>
      {lessonOpen && (
        <LazyPanel what="lesson notes" minHeight={160}>
          <LazyLessonNotes />
        </LazyPanel>
      )}
      <main
        ref={sceneRef}
        className="scene"
        data-layout={compare ? 'compare' : 'single'}
        data-editing={editable ? 'shown' : 'hidden'}
      >
        {!compare && controls}
        {compare ? (
          <ComparePanes
            editable={editable}
            showDiagram={views.diagram}
            showHeatmaps={showHeatmaps}
          />
        ) : (
          <>
            {views.diagram && (
              <Region id="diagram" title="Cell diagram">
                {paneIds.map((id) => (
                  <PanelBoundary key={id} what={`cell diagram of model ${id}`}>
                    <CellDiagram paneId={id} />
                  </PanelBoundary>
                ))}
                {paneIds.map((id) => (
                  <ReadoutPanel key={`readout-${id}`} paneId={id} />
                ))}
              </Region>
            )}
            {showHeatmaps && (
              <Region id="heatmaps" title="Gate heatmaps">
                <LazyPanel what="heatmaps" minHeight={360}>
                  {paneIds.map((id) => (
                    <LazyGateHeatmaps key={id} paneId={id} />
                  ))}
                </LazyPanel>
              </Region>
            )}
          </>
        )}
        {compare && shown('summary') && (
          <Region id="summary" title="Comparison">
            <LazyPanel what="comparison" minHeight={140}>
              <LazyCompareSummary />
            </LazyPanel>
          </Region>
        )}
        {compare && controls}
        {(editable || hasInterventions) && (
          <Region id="interventions" title="What if? Interventions">
            <LazyPanel what="interventions" minHeight={160}>
              <LazyInterventionsPanel />
            </LazyPanel>
          </Region>
        )}
        {editable && (
          <Region id="training" title="Train here">
            <LazyPanel what="training" minHeight={220}>
              <LazyTrainPanel />
            </LazyPanel>
          </Region>
        )}
        {views.equations && <EquationsRegion />}
        {views.gradients && shown('gradients') && (
          <Region id="gradients" title="Gradients through time">
            <LazyPanel what="gradients" minHeight={420}>
              <LazyGradientPanel />
            </LazyPanel>
          </Region>
        )}
      </main>
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
    </div>
  );
}
