import { onBackgroundTraceSettled } from './backgroundTraces';
import { hasMemoizedRun } from './derived';
import { loadModelIndex, onTrainedModelSettled, trainedModelStatus } from './trainedModels';
import type { SceneStore } from './scene';
import type { InputSettings, PaneSettings } from '../scene';
import {
  importedModelStatus,
  onImportedModelsChanged,
  restoreImportedModels,
} from './importedModels';

/** Delay before the imported models kept in this browser are read, ms (after first paint). */
const RESTORE_DELAY_MS = 300;

/**
 * Keeps the panes that run a trained model in step with its file: when the file arrives,
 * each such pane object is replaced (so its memoized run is computed again) and takes the
 * file's cell, sizes, nonlinearity and convention. A file that arrived before this started
 * (the single-file build reads its models from the page, within the first render) is
 * caught up at once. The list of shipped models is fetched then too, so that Compare can
 * open the matching trained model at once. Returns the unsubscribe.
 */
export function startTrainedModelSync(store: SceneStore): () => void {
  const refresh = (settled: (pane: PaneSettings, input: InputSettings) => boolean) =>
    store.setState((s) => ({
      panes: s.panes.map((pane) => {
        if (!pane.trained || !settled(pane, s.input)) return pane;
        const status = trainedModelStatus(pane.trained);
        if (status.state !== 'ready') return { ...pane };
        const { cell, hiddenSize, numLayers, nonlinearity, convention } = status.loaded.model.spec;
        return { ...pane, cell, hiddenSize, numLayers, nonlinearity, convention };
      }),
    }));
  const unsubscribe = onTrainedModelSettled((id) => {
    loadModelIndex().catch(() => undefined);
    refresh((pane) => pane.trained === id);
  });
  // Drawn while loading, settled since: its run was never memoized.
  const missed = (pane: PaneSettings, input: InputSettings) =>
    pane.trained !== '' &&
    trainedModelStatus(pane.trained).state !== 'loading' &&
    !hasMemoizedRun(pane, input);
  const { panes, input } = store.getState();
  if (panes.some((pane) => missed(pane, input))) refresh(missed);
  return unsubscribe;
}

/**
 * Refreshes the panes whose trace was computing in the worker when one arrives: each such
 * pane object is replaced, so its memoized run is built from the arrived trace. Returns
 * the unsubscribe.
 */
export function startBackgroundTraceSync(store: SceneStore): () => void {
  return onBackgroundTraceSettled(() => {
    store.setState((s) => ({
      panes: s.panes.map((pane) =>
        pane.trained || hasMemoizedRun(pane, s.input) ? pane : { ...pane },
      ),
    }));
  });
}

/**
 * Keeps the panes that run an imported model in step with the registry: when models are
 * imported, restored from this browser or removed, each such pane object is replaced (so
 * its run is computed again) and takes the model's cell. Returns the unsubscribe.
 */
export function startImportedModelSync(store: SceneStore): () => void {
  // The models kept from earlier visits join the Weights list soon after the first paint.
  const restore = setTimeout(() => {
    void restoreImportedModels();
    void import('./trainedHere').then((m) => m.listKeptTrainedHere());
  }, RESTORE_DELAY_MS);
  const unsubscribe = onImportedModelsChanged(() => {
    store.setState((s) => ({
      panes: s.panes.map((pane) => {
        if (!pane.imported) return pane;
        const status = importedModelStatus(pane.imported);
        if (status.state !== 'ready') return { ...pane };
        const { cell, nonlinearity, convention } = status.entry.model.spec;
        const assumed = status.entry.imported.assumed.includes('nonlinearity');
        return {
          ...pane,
          cell,
          convention,
          nonlinearity: assumed ? pane.nonlinearity : nonlinearity,
        };
      }),
    }));
  });
  return () => {
    clearTimeout(restore);
    unsubscribe();
  };
}
