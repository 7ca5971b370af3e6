/**
 * The weights a link carries beside its scene (imported models' `A.iw`, models trained here
 * `A.tw`), checked against the model each pane names and kept in this browser.
 */
import { unpackModelFile, unpackWeights } from '../io/importLink';
import type { SceneSnapshot } from '../scene';
import { registerImported, removeImportedModel } from './importedModels';
import { setTrainedModel } from './trainedModels';

/**
 * Keeps the imported models a link carries (`A.iw`), each checked against the model its
 * pane names (`A.import`: a CRC of the file name and the weights); resolves to what was
 * refused, in words.
 */
export async function adoptWeights(
  weights: ReadonlyMap<string, string>,
  scene: SceneSnapshot,
): Promise<string[]> {
  const refused: string[] = [];
  for (const [paneId, packed] of weights) {
    const key = `${paneId}.iw`;
    const pane = scene.panes.find((p) => p.id === paneId);
    const unpacked = unpackWeights(packed);
    if ('problem' in unpacked) {
      refused.push(`Could not read the weights of model ${paneId} (${key}): ${unpacked.problem}.`);
      continue;
    }
    try {
      const [entry] = await registerImported(unpacked.fileName, [unpacked.imported]);
      if (!entry || !pane || entry.id !== pane.imported) {
        if (entry) await removeImportedModel(entry.id);
        refused.push(
          `The weights of model ${paneId} (${key}) are not those of the model it names${pane?.imported ? ` (${pane.imported})` : ''}: they were not used.`,
        );
      }
    } catch (error) {
      refused.push(
        `The weights of model ${paneId} (${key}) cannot be run: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return refused;
}

/**
 * Shows and keeps the models trained here that a link carries (`A.tw`), each the model file
 * of the model its pane names (`A.model`, checked by the model-file reader); resolves to
 * what was refused, in words.
 */
export async function adoptTrainedHere(
  trained: ReadonlyMap<string, string>,
  scene: SceneSnapshot,
): Promise<string[]> {
  const refused: string[] = [];
  if (trained.size === 0) return refused;
  const [{ parseModelFile }, { keepTrainedHere }] = await Promise.all([
    import('../io/modelFile'),
    import('./trainedHere'),
  ]);
  for (const [paneId, packed] of trained) {
    const key = `${paneId}.tw`;
    const pane = scene.panes.find((p) => p.id === paneId);
    const unpacked = unpackModelFile(packed);
    if ('problem' in unpacked) {
      refused.push(`Could not read the weights of model ${paneId} (${key}): ${unpacked.problem}.`);
      continue;
    }
    if (!pane?.trained.includes('-here-')) {
      refused.push(
        `The weights of model ${paneId} (${key}) belong to no model trained here: they were not used.`,
      );
      continue;
    }
    try {
      const loaded = parseModelFile(unpacked.json, pane.trained);
      setTrainedModel(loaded);
      await keepTrainedHere(loaded.file);
    } catch (error) {
      refused.push(
        `The weights of model ${paneId} (${key}) cannot be run: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return refused;
}
