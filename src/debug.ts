import { calibrationMs } from './calibration';
import { initParams, type ModelSpec } from './engine';
import { derivedStats } from './store';
import { registerImported } from './store/importedModels';

/** What the bench reads on `window.__gatescope` (bench builds only). */
export interface DebugHook {
  /** Traces computed since the page loaded: stepping should add none. */
  traces(): number;
  /** Models built since the page loaded. */
  models(): number;
  /** Median ms of the engine's LSTM forward at T=1000, H=32, timed in this page. */
  calibrate(runs?: number): number;
  /**
   * Registers a model of random weights (PyTorch's init, seed 1) as if imported from a
   * file named `synthetic.pt`, so that the bench can step a model as big as real ones;
   * resolves to its local id (for `A.import=`).
   */
  importSynthetic(spec: ModelSpec): Promise<string>;
}

/**
 * A read-only window into the derived-data counters and a calibration timing, for the
 * browser benchmark, plus a way to register a synthetic imported model. Loaded only by
 * bench builds (`vite build --mode bench`): production bundles contain none of it (see
 * main.tsx).
 */
export function exposeDebugCounters(): void {
  const hook: DebugHook = {
    traces: () => derivedStats.traces,
    models: () => derivedStats.models,
    calibrate: (runs) => calibrationMs(runs),
    importSynthetic: async (spec) => {
      const params = initParams(spec, { seed: 1 });
      const [entry] = await registerImported('synthetic.pt', [
        { name: 'lstm', spec, params, assumed: [], format: 'synthetic (bench)', notes: [] },
      ]);
      return entry!.id;
    },
  };
  Object.defineProperty(window, '__gatescope', {
    value: Object.freeze(hook),
    configurable: false,
  });
}
