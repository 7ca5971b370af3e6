import { calibrationMs } from './calibration';
import { derivedStats } from './store';

/** What the bench reads on `window.__gatescope` (bench builds only). */
export interface DebugHook {
  /** Traces computed since the page loaded: stepping should add none. */
  traces(): number;
  /** Models built since the page loaded. */
  models(): number;
  /** Median ms of the engine's LSTM forward at T=1000, H=32, timed in this page. */
  calibrate(runs?: number): number;
}

/**
 * A read-only window into the derived-data counters and a calibration timing, for the
 * browser benchmark. Loaded only by bench builds (`vite build --mode bench`): production
 * bundles contain none of it (see main.tsx). Exposes numbers only.
 */
export function exposeDebugCounters(): void {
  const hook: DebugHook = {
    traces: () => derivedStats.traces,
    models: () => derivedStats.models,
    calibrate: (runs) => calibrationMs(runs),
  };
  Object.defineProperty(window, '__gatescope', {
    value: Object.freeze(hook),
    configurable: false,
  });
}
