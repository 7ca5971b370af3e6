/**
 * A scene store that loads trained models as the app does, for tests of the model file in
 * tests/io/modelFixtures.ts (a small LSTM for remember-first at T = 5).
 */
import { validFile } from '../io/modelFixtures';
import {
  createSceneStore,
  paneRunOf,
  setJsonFetcher,
  startTrainedModelSync,
  type PaneRun,
  type SceneStore,
} from '../../src/store';

/** The fixture file's id. */
export const FIXTURE_ID = validFile().id;

/**
 * A fresh store synced with trained models, whose request for the fixture's file is
 * answered by `answer` (any other model file: an error, as a 404 would be).
 */
export function storeServing(answer: () => Promise<unknown>): SceneStore {
  setJsonFetcher((url) =>
    url.endsWith(`models/${FIXTURE_ID}.json`) ? answer() : Promise.reject(new Error('not here')),
  );
  const store = createSceneStore();
  startTrainedModelSync(store);
  return store;
}

/** Chooses the fixture's trained model for pane A, as the Weights select does. */
export function chooseFixtureForA(store: SceneStore): void {
  const { spec } = validFile();
  store.getState().setTrained('A', {
    id: FIXTURE_ID,
    cell: spec.cell,
    hiddenSize: spec.hiddenSize,
    numLayers: spec.numLayers,
    task: 'remember-first', // the fixture's task, at its length
    length: 5,
  });
}

/** Pane A's run on the store's input. */
export function runOfA(store: SceneStore): PaneRun {
  return paneRunOf(store.getState().panes[0]!, store.getState().input);
}
