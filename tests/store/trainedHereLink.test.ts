/**
 * A model trained here travels in a link as its model file (`A.tw`): packed by Copy link,
 * split from the scene, and adopted only for the pane that names that very model; damaged
 * or foreign weights are refused with the reason.
 */
import { describe, expect, it } from 'vitest';
import { createSceneStore, trainedModelStatus } from '../../src/store';
import { packModelFile, splitWeights } from '../../src/io/importLink';
import { trainedHereModel } from '../../src/store/trainedHere';
import { adoptTrainedHere } from '../../src/store/linkWeights';
import { DEFAULT_TRAIN_SETTINGS } from '../../src/store/trainingSlice';
import { initParams, initHead, makeTask, headToStateDict } from '../../src/engine';
import type { SceneSnapshot } from '../../src/scene';

const ID = 'remember-first-20-lstm-here-abc1234';

function file() {
  const spec = { cell: 'lstm', inputSize: 1, hiddenSize: 4, numLayers: 1 } as const;
  const task = makeTask('remember-first', { length: 20 });
  const head = headToStateDict(initHead(task.outputSize, 4, 9));
  const params = { ...initParams(spec, { seed: 2 }), ...head };
  return trainedHereModel(
    ID,
    { step: 40, params },
    DEFAULT_TRAIN_SETTINGS,
    task,
    { spec, init: 'pytorch', weightScale: 1, forgetBias: 1, updateBias: 0 },
    [0.7, 0.4],
    { step: 40, loss: 0.3, accuracy: 0.97 },
  ).file;
}

function sceneNaming(id: string): SceneSnapshot {
  const store = createSceneStore();
  store.getState().setTrained('A', {
    id,
    cell: 'lstm',
    hiddenSize: 4,
    numLayers: 1,
    task: 'remember-first',
    length: 20,
  });
  return store.getState() as unknown as SceneSnapshot;
}

describe('a model trained here in a link', () => {
  it('is packed, split from the scene and adopted for the pane that names it', async () => {
    const packed = packModelFile(file())!;
    const { hash, trained, weights } = splitWeights(`v=1&A.model=${ID}&A.tw=${packed}`);
    expect(hash).toBe(`v=1&A.model=${ID}`);
    expect(weights.size).toBe(0);
    expect(await adoptTrainedHere(trained, sceneNaming(ID))).toEqual([]);
    const status = trainedModelStatus(ID);
    expect(status.state).toBe('ready');
    if (status.state !== 'ready') return;
    expect(status.loaded.file.metrics.accuracy).toBe(0.97);
    expect(status.loaded.file.params).toEqual(file().params);
  });

  it('refuses weights of another model, damaged weights, and weights for a drawn pane', async () => {
    const packed = packModelFile(file())!;
    const other = 'remember-first-20-lstm-here-zzz9999';
    const [foreign] = await adoptTrainedHere(new Map([['A', packed]]), sceneNaming(other));
    expect(foreign).toMatch(
      /^The weights of model A \(A\.tw\) cannot be run: .*not the "remember-first-20-lstm-here-zzz9999"/,
    );
    const [damaged] = await adoptTrainedHere(
      new Map([['A', `${packed.slice(0, -9)}x`]]),
      sceneNaming(ID),
    );
    expect(damaged).toMatch(/^Could not read the weights of model A \(A\.tw\): the weights are/);
    const drawn = createSceneStore().getState() as unknown as SceneSnapshot;
    const [none] = await adoptTrainedHere(new Map([['A', packed]]), drawn);
    expect(none).toMatch(/belong to no model trained here/);
  });
});
