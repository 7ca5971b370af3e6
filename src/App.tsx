import { useKeyboardShortcuts } from './hooks/useKeyboardShortcuts';
import { usePlaybackClock } from './hooks/usePlaybackClock';
import { useScene } from './store';
import { InputControls } from './views/controls/InputControls';
import { ModelSettings } from './views/controls/ModelSettings';
import { PlaybackControls } from './views/controls/PlaybackControls';
import { CellDiagram } from './views/diagram/CellDiagram';
import { EquationsPanel } from './views/equations/EquationsPanel';
import { GradientPanel } from './views/gradients/GradientPanel';
import { GateHeatmaps } from './views/heatmaps/GateHeatmaps';
import { Region } from './views/Region';
import { UnrolledStrip } from './views/UnrolledStrip';

/** The whole page: header, playback, and the regions of the scene. */
export function App() {
  useKeyboardShortcuts(useScene);
  usePlaybackClock(useScene);
  const paneIds = useScene((s) => s.panes.map((p) => p.id).join(''));
  return (
    <div className="app">
      <header className="app-header">
        <h1>Gatescope</h1>
        <p className="tagline">RNN, LSTM and GRU gates, one time step at a time.</p>
      </header>
      <div className="playback-bar">
        <PlaybackControls />
        <UnrolledStrip />
      </div>
      <main className="scene">
        <Region id="controls" title="Controls">
          <InputControls />
          {[...paneIds].map((id) => (
            <ModelSettings key={id} paneId={id as 'A'} />
          ))}
        </Region>
        <Region id="diagram" title="Cell diagram">
          {[...paneIds].map((id) => (
            <CellDiagram key={id} paneId={id as 'A'} />
          ))}
        </Region>
        <Region id="heatmaps" title="Gate heatmaps">
          {[...paneIds].map((id) => (
            <GateHeatmaps key={id} paneId={id as 'A'} />
          ))}
        </Region>
        <Region id="equations" title="Equations">
          {[...paneIds].map((id) => (
            <EquationsPanel key={id} paneId={id as 'A'} />
          ))}
        </Region>
        <Region id="gradients" title="Gradients through time">
          <GradientPanel />
        </Region>
      </main>
    </div>
  );
}
