/**
 * Starts the app's worker (./gradientWorker.ts) as an ES module from its own file, so that
 * what it loads on demand (the model-file parsers) stays in chunks of its own. The
 * single-file build (vite.single.config.ts) puts ./workerStart.single.ts in this module's
 * place: a page opened from disk cannot start a worker from a file.
 */
export function startWorker(): Worker {
  return new Worker(new URL('./gradientWorker.ts', import.meta.url), { type: 'module' });
}
