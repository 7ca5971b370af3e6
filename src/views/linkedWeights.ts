import { packModelFile, packWeights, trainedWeightsKey, weightsKey } from '../io/importLink';
import { importedModelStatus, trainedModelStatus, type SceneState } from '../store';

/**
 * The weights of the scene's imported models and models trained here, for a link
 * (`&A.iw=…`, `&A.tw=…` each, where they fit), and what the confirmation says of them:
 * carried, or too large so the link only names the file.
 */
export function linkedWeights(state: SceneState): { weights: string; said: string } {
  let weights = '';
  const carried: string[] = [];
  const named: string[] = [];
  for (const pane of state.panes) {
    if (pane.trained.includes('-here-')) {
      const status = trainedModelStatus(pane.trained);
      if (status.state !== 'ready') continue;
      const packed = packModelFile(status.loaded.file);
      if (packed) {
        weights += `&${trainedWeightsKey(pane.id)}=${packed}`;
        carried.push(pane.id);
      } else named.push(`${pane.id} (trained here)`);
      continue;
    }
    if (!pane.imported) continue;
    const status = importedModelStatus(pane.imported);
    if (status.state !== 'ready') continue;
    const { fileName, imported } = status.entry;
    const packed = packWeights({ fileName, imported });
    if (packed) {
      weights += `&${weightsKey(pane.id)}=${packed}`;
      carried.push(pane.id);
    } else named.push(`${pane.id} (${fileName})`);
  }
  const parts = [
    carried.length > 0 ? `, with the weights of model ${carried.join(' and ')} in it` : '',
    named.length > 0
      ? `; the weights of model ${named.join(' and ')} are too large for a link, so it only names the file: whoever opens it loads that file`
      : '',
  ];
  return { weights, said: parts.join('') };
}
