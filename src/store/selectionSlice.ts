import type { StateCreator } from 'zustand';
import type { SceneState } from './scene';
import { SCENE_DEFAULTS, type GateNaming, type HoverTarget } from '../scene';

/** What the user has picked and points at, shared by every view. */
export interface SelectionSlice {
  /** Layer shown by the diagrams, 0-based (clamped per pane to its layers). */
  layer: number;
  /** Unit j whose values the diagrams and equations print, 0-based (clamped per pane). */
  unit: number;
  /** The element under the pointer, highlighted in every view. */
  hovered: HoverTarget | null;
  naming: GateNaming;
  setLayer: (layer: number) => void;
  setUnit: (unit: number) => void;
  setHovered: (target: HoverTarget | null) => void;
  setNaming: (naming: GateNaming) => void;
}

/** Creates the selection slice: layer 0, unit 0, textbook names. */
export const createSelectionSlice: StateCreator<SceneState, [], [], SelectionSlice> = (set) => ({
  layer: SCENE_DEFAULTS.layer,
  unit: SCENE_DEFAULTS.unit,
  hovered: null,
  naming: SCENE_DEFAULTS.naming,
  setLayer: (layer) => set({ layer: Math.max(0, Math.floor(layer)) }),
  setUnit: (unit) => set({ unit: Math.max(0, Math.floor(unit)) }),
  setHovered: (hovered) => set({ hovered }),
  setNaming: (naming) => set({ naming }),
});
