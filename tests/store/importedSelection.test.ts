// @vitest-environment jsdom
/**
 * A link to a layer and unit of an imported model: kept as the link names them while the
 * model is on its way (a drawn model's limits, 3 layers and 64 units, do not apply), then
 * clamped to the model, with a notice, when it is smaller.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initParams, type ModelSpec } from '../../src/engine';
import { useLinkNotice } from '../../src/io/notices';
import { decodeScene } from '../../src/io/sceneUrl';
import { createSceneStore, registerImported, type SceneStore } from '../../src/store';
import { LINK_NOTICE_TITLE, startSceneSync } from '../../src/store/sceneSync';

/** An imported RNN of `numLayers` × `hiddenSize` (random weights), registered; its id. */
async function imported(name: string, spec: Omit<ModelSpec, 'cell' | 'inputSize'>) {
  const full: ModelSpec = { cell: 'rnn', inputSize: 2, ...spec };
  const [entry] = await registerImported(`${name}.pt`, [
    {
      name,
      spec: full,
      params: initParams(full, { seed: 3 }),
      assumed: [],
      format: 'test',
      notes: [],
    },
  ]);
  return entry!.id;
}

let store: SceneStore;
let stop: (() => void) | undefined;

beforeEach(() => {
  store = createSceneStore();
  localStorage.clear();
  sessionStorage.clear();
  useLinkNotice.getState().dismiss();
});

afterEach(() => {
  stop?.();
  stop = undefined;
});

/** Opens `hash` as the page's address, as the app does on load. */
function open(hash: string) {
  history.replaceState(null, '', `/#${hash}`);
  stop = startSceneSync(store, useLinkNotice);
}

const settled = () => new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => undefined);

describe('a link to layer 12, unit 300 of an imported model', () => {
  it('is read as it is written, past the drawn models’ limits, with no notice', () => {
    const { scene, problems } = decodeScene('v=1&A.import=imp-0000abc&layer=12&unit=300');
    expect(scene.layer).toBe(11);
    expect(scene.unit).toBe(299);
    expect(problems).toEqual([]);
  });

  it('still clamps a drawn model’s link to its size, with a notice', () => {
    const { scene, problems } = decodeScene('v=1&A.hidden=16&layer=12&unit=300');
    expect([scene.layer, scene.unit]).toEqual([0, 15]);
    expect(problems).toEqual([
      'The layer 12 is past the deepest model (1 layer); used 1.',
      'The unit 300 is past the largest model (16 units); used 16.',
    ]);
  });

  it('opens there when the model has 12 layers of 320 units', async () => {
    const id = await imported('deep', { hiddenSize: 320, numLayers: 12 });
    open(`v=1&A.import=${id}&layer=12&unit=300`);
    await settled();
    expect(store.getState()).toMatchObject({ layer: 11, unit: 299 });
    expect(useLinkNotice.getState().title).toBeNull();
  });

  it('counts a bidirectional model’s directions as layers (6 layers → entry 12 is layer 6 ←)', async () => {
    const id = await imported('bi', { hiddenSize: 300, numLayers: 6, bidirectional: true });
    open(`v=1&A.import=${id}&layer=12&unit=300`);
    await settled();
    expect(store.getState()).toMatchObject({ layer: 11, unit: 299 });
    expect(useLinkNotice.getState().title).toBeNull();
  });

  it('is clamped to a smaller model once it is known, and the notice says so', async () => {
    const id = await imported('small', { hiddenSize: 128, numLayers: 4 });
    open(`v=1&A.import=${id}&layer=12&unit=300`);
    await settled();
    expect(store.getState()).toMatchObject({ layer: 3, unit: 127 });
    expect(useLinkNotice.getState()).toMatchObject({
      title: LINK_NOTICE_TITLE,
      problems: [
        'The layer 12 is past the deepest model (4 layers); used 4.',
        'The unit 300 is past the largest model (128 units); used 128.',
      ],
    });
  });

  it('is left as written when the model is not in this browser (its file may still come)', async () => {
    open('v=1&A.import=imp-zzzzzzz&A.ifile=gone.pt&layer=12&unit=300');
    await settled();
    await settled();
    expect(store.getState()).toMatchObject({ layer: 11, unit: 299 });
  });
});
