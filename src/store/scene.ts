import { create } from 'zustand';
import { createInputSlice, type InputSlice } from './inputSlice';
import { createPanesSlice, type PanesSlice } from './panesSlice';
import { createPlaybackSlice, type PlaybackSlice } from './playbackSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createUiSlice, type UiSlice } from './uiSlice';

/** The whole scene: input, panes, playback, selection and presentation. Plain, serializable data. */
export type SceneState = InputSlice & PanesSlice & PlaybackSlice & SelectionSlice & UiSlice;

/** Builds a fresh scene store (tests make their own; the app uses {@link useScene}). */
export function createSceneStore() {
  return create<SceneState>()((...a) => ({
    ...createInputSlice(...a),
    ...createPanesSlice(...a),
    ...createPlaybackSlice(...a),
    ...createSelectionSlice(...a),
    ...createUiSlice(...a),
  }));
}

/** The app's one scene store, as a React hook with selectors and `getState`/`subscribe`. */
export const useScene = createSceneStore();

/** The store's type, for components and tests that take a store. */
export type SceneStore = typeof useScene;
