/** The scene store and what is derived from it. */
export { useScene, createSceneStore, type SceneState, type SceneStore } from './scene';
export { paneRunOf, sequenceOf, modelOf, derivedStats, type PaneRun } from './derived';
export { LIMITS } from './limits';
export { SPEEDS } from './playbackSlice';
export { sequenceLength, DEFAULT_INPUT } from './inputSlice';
export {
  defaultPane,
  closestHiddenSize,
  nextPaneId,
  nextCell,
  selectCompare,
  type SizedSpec,
} from './panesSlice';
export type { ThemeChoice, ViewsShown } from './uiSlice';
export type {
  InputKind,
  InputSettings,
  PaneId,
  PaneSettings,
  InitScheme,
  GateNaming,
  HoverTarget,
} from './types';
export { taskLengthRange, type Sequence } from './sequence';
export type { Readout } from './readout';
export { type TrainedChoice } from './panesSlice';
export {
  loadModelIndex,
  loadTrainedModel,
  trainedModelStatus,
  setJsonFetcher,
  type TrainedStatus,
} from './trainedModels';
export { startTrainedModelSync } from './trainedSync';
