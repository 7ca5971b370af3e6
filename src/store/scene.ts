import { create } from 'zustand';
import { createInputSlice, type InputSlice } from './inputSlice';
import { createInterventionsSlice, type InterventionsSlice } from './interventionsSlice';
import { createPanesSlice, type PanesSlice } from './panesSlice';
import { createPlaybackSlice, type PlaybackSlice } from './playbackSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createTrainingSlice, type TrainingSlice } from './trainingSlice';
import { createUiSlice, type UiSlice } from './uiSlice';

/**
 * The whole scene: input, panes (with their interventions), playback, selection,
 * presentation and training in the page. Plain, serializable data.
 */
export type SceneState = InputSlice &
  PanesSlice &
  PlaybackSlice &
  SelectionSlice &
  UiSlice &
  TrainingSlice &
  InterventionsSlice;

/** Builds a fresh scene store (tests make their own; the app uses {@link useScene}). */
export function createSceneStore() {
  return create<SceneState>()((...a) => ({
    ...createInputSlice(...a),
    ...createPanesSlice(...a),
    ...createPlaybackSlice(...a),
    ...createSelectionSlice(...a),
    ...createUiSlice(...a),
    ...createTrainingSlice(...a),
    ...createInterventionsSlice(...a),
  }));
}

/** The app's one scene store, as a React hook with selectors and `getState`/`subscribe`. */
export const useScene = createSceneStore();

/** The store's type, for components and tests that take a store. */
export type SceneStore = typeof useScene;
