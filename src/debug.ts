import { derivedStats } from './store';

/**
 * A read-only window into the derived-data counters, for the browser benchmark to check
 * that stepping recomputes nothing. Exposes numbers only.
 */
export function exposeDebugCounters(): void {
  Object.defineProperty(window, '__gatescope', {
    value: Object.freeze({ traces: () => derivedStats.traces, models: () => derivedStats.models }),
    configurable: false,
  });
}
