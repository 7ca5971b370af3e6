import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/global.css';
import './styles/controls.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('Gatescope: index.html has no #root element.');
// Bench builds only (`vite build --mode bench`): the condition is a constant, so
// production bundles drop the import and contain none of the debug module.
if (import.meta.env.MODE === 'bench') void import('./debug').then((m) => m.exposeDebugCounters());
createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
