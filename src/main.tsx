import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useLinkNotice } from './io/notices';
import { LESSON_OUTLINES } from './lessons/outlines';
import { isEmbedHash } from './lessons/authored';
import { createLinkCarry } from './lessons/linkCarry';
import { lessonStops, stopHash } from './lessons/navigate';
import { useScene } from './store';
import { startSceneSync } from './store/sceneSync';
import { EmbedApp } from './views/teach/EmbedApp';
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
// An embedded scene (`embed=1`, see EmbedApp) shows the diagram with little around it and
// never writes the browser's storage, so it cannot change what the full app restores.
const embed = isEmbedHash(location.hash.replace(/^#/, ''));
const firstLesson = LESSON_OUTLINES[0];
startSceneSync(useScene, useLinkNotice, {
  opening: firstLesson && stopHash(firstLesson, 0),
  lessons: lessonStops,
  carry: createLinkCarry(embed),
  persist: !embed,
});
createRoot(rootElement).render(<StrictMode>{embed ? <EmbedApp /> : <App />}</StrictMode>);
