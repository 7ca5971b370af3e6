/**
 * The single-file build's {@link import('./workerStart').startWorker}: the worker, bundled
 * as one classic script with everything it loads on demand, is kept in the page as text and
 * started from a blob: URL (Chromium refuses workers and module scripts from `file://`).
 * vite.single.config.ts swaps this module in for ./workerStart.ts.
 */
import GradientWorker from './gradientWorker?worker&inline';

/** The app's worker, started from the script inlined in the page. */
export function startWorker(): Worker {
  return new GradientWorker();
}
