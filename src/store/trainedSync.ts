import { onBackgroundTraceSettled } from './backgroundTraces';
import { hasMemoizedRun } from './derived';
import { loadModelIndex, onTrainedModelSettled, trainedModelStatus } from './trainedModels';
import type { SceneStore } from './scene';
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
 * file's cell, sizes, nonlinearity and convention. The list of shipped models is fetched
 * then too, so that Compare can open the matching trained model at once. Returns the
 * unsubscribe.
 */
export function startTrainedModelSync(store: SceneStore): () => void {
  return onTrainedModelSettled((id) => {
    loadModelIndex().catch(() => undefined);
    const status = trainedModelStatus(id);
    store.setState((s) => ({
      panes: s.panes.map((pane) => {
        if (pane.trained !== id) return pane;
        if (status.state !== 'ready') return { ...pane };
        const { cell, hiddenSize, numLayers, nonlinearity, convention } = status.loaded.model.spec;
        return { ...pane, cell, hiddenSize, numLayers, nonlinearity, convention };
      }),
    }));
  });
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
