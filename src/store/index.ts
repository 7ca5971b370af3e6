/**
 * The scene store and what is derived from it. The scene's plain types, limits and
 * defaults live in src/scene (imported from there, not through the store).
 */
export { useScene, createSceneStore, type SceneState, type SceneStore } from './scene';
export { paneRunOf, sequenceOf, modelOf, derivedStats, type PaneRun } from './derived';
export {
  closestHiddenSize,
  nextPaneId,
  nextCell,
  selectCompare,
  type SizedSpec,
} from './panesSlice';
export type { Readout } from './readout';
export { type TrainedChoice } from './panesSlice';
export {
  loadModelIndex,
  loadTrainedModel,
  retryTrainedModel,
  trainedModelStatus,
  setJsonFetcher,
  type TrainedStatus,
} from './trainedModels';
export {
  startBackgroundTraceSync,
  startImportedModelSync,
  startTrainedModelSync,
} from './trainedSync';
export {
  importFiles,
  registerImported,
  importedModels,
  importedModelStatus,
  onImportedModelsChanged,
  removeImportedModel,
  setImportedVocabulary,
  restoreImportedModels,
  type ImportedEntry,
  type ImportedStatus,
} from './importedModels';
export { type ImportedChoice } from './panesSlice';
export { paneSizeOf, paneParameterCount, multiplyAddsPerStep, type PaneSize } from './paneSize';
export { textInAlphabet, type RunFix } from './derived';
export { originalRunOf } from './originalRun';
export { type InterventionDraft } from './interventionsSlice';
