import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useLinkNotice } from './io/notices';
import { LESSONS } from './lessons/lessons';
import { LESSON_STOPS, stopHash } from './lessons/navigate';
import { useScene } from './store';
import { startSceneSync } from './store/sceneSync';
import './styles/global.css';
import './styles/controls.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('Gatescope: index.html has no #root element.');
// Bench builds only (`vite build --mode bench`): the condition is a constant, so
// production bundles drop the import and contain none of the debug module.
if (import.meta.env.MODE === 'bench') void import('./debug').then((m) => m.exposeDebugCounters());
// The scene the page opens on (a link's, else the last saved one, else the first lesson's
// first stop) is in the store before the first render, so the page renders it once.
// From then on every change goes to the address and localStorage (see startSceneSync).
const firstLesson = LESSONS[0];
startSceneSync(useScene, useLinkNotice, {
  opening: firstLesson && stopHash(firstLesson, 0),
  lessons: LESSON_STOPS,
});
createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
