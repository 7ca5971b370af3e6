import { Region } from './views/Region';

/** The whole page: a header and the five regions of the scene. */
export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Gatescope</h1>
        <p className="tagline">RNN, LSTM and GRU gates, one time step at a time.</p>
      </header>
      <main className="scene">
        <Region id="controls" title="Controls">
          Input sequence, model settings and playback.
        </Region>
        <Region id="diagram" title="Cell diagram">
          The cell of the selected model at the current step.
        </Region>
        <Region id="heatmaps" title="Gate heatmaps">
          Every gate, every unit, every step.
        </Region>
        <Region id="equations" title="Equations">
          The cell&apos;s equations with the real numbers in them.
        </Region>
        <Region id="gradients" title="Gradients through time">
          How far a gradient survives back through time.
        </Region>
      </main>
    </div>
  );
}
