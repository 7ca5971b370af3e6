import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { exposeDebugCounters } from './debug';
import './styles/global.css';
import './styles/controls.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('Gatescope: index.html has no #root element.');
exposeDebugCounters();
createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
