/**
 * A link's layer and unit against the imported models its panes run: their sizes are known
 * only once the models are here (restored from this browser or carried by the link), so
 * the link keeps what it names until then (up to the engine's limits) and is clamped to the
 * largest model afterwards, with the same notice a drawn model's link gets.
 */
import { settleSelection, type PaneExtent } from '../io/settleScene';
import type { SceneSnapshot } from '../scene';
import { importedModelStatus, onImportedModelsChanged } from './importedModels';
import type { SceneStore } from './scene';

/**
 * The layer entries and units of each pane's model; null while an imported one is still
 * being restored, or is not in this browser (then nothing can be clamped against it).
 */
export function paneExtents(panes: SceneSnapshot['panes']): PaneExtent[] | null {
  const extents: PaneExtent[] = [];
  for (const pane of panes) {
    if (!pane.imported) {
      extents.push({ layers: pane.numLayers, units: pane.hiddenSize });
      continue;
    }
    const status = importedModelStatus(pane.imported);
    if (status.state !== 'ready') return null;
    const { numLayers, hiddenSize, bidirectional } = status.entry.model.spec;
    extents.push({ layers: numLayers * (bidirectional ? 2 : 1), units: hiddenSize });
  }
  return extents;
}

/**
 * Once every imported model of `scene`'s panes is here, clamps the store's layer and unit
 * to the largest model, when they are still the ones `scene` (a decoded link) set, and
 * passes the sentences to `report`. A model not in this browser leaves them as the link
 * named them (the file may still be loaded). Returns the function that stops waiting.
 */
export function settleImportedSelection(
  store: SceneStore,
  scene: SceneSnapshot,
  report: (sentences: string[]) => void,
): () => void {
  if (!scene.panes.some((p) => p.imported !== '')) return () => undefined;
  let stop = () => undefined as void;
  const check = (): boolean => {
    const now = store.getState();
    if (now.layer !== scene.layer || now.unit !== scene.unit) return true; // changed since
    if (scene.panes.some((p) => p.imported && importedModelStatus(p.imported).state === 'loading'))
      return false;
    const extents = paneExtents(now.panes);
    if (!extents) return true;
    const settled = { layer: now.layer, unit: now.unit };
    const sentences: string[] = [];
    settleSelection(settled, extents, (_key, sentence) => sentences.push(sentence));
    if (sentences.length === 0) return true;
    store.setState(settled);
    report(sentences);
    return true;
  };
  if (check()) return stop;
  stop = onImportedModelsChanged(() => {
    if (check()) stop();
  });
  return () => stop();
}
