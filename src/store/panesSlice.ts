import type { StateCreator } from 'zustand';
import { checkRange, LIMITS } from './limits';
import type { SceneState } from './scene';
import type { PaneId, PaneSettings } from './types';

/** The model panes (1–3), all reading the one input and the one time cursor. */
export interface PanesSlice {
  panes: PaneSettings[];
  /**
   * Changes some settings of one pane. Returns a message and changes nothing when a value
   * is out of range, so the previous valid model stays.
   */
  updatePane: (id: PaneId, patch: Partial<Omit<PaneSettings, 'id'>>) => string | null;
}

/** Settings of a new pane of the given letter. */
export function defaultPane(id: PaneId, cell: PaneSettings['cell'] = 'lstm'): PaneSettings {
  return {
    id,
    cell,
    hiddenSize: 8,
    numLayers: 1,
    seed: 0,
    init: 'pytorch',
    weightScale: 1,
    forgetBias: 0,
    nonlinearity: 'tanh',
    convention: 'pytorch',
  };
}

/** Checks a patch of pane settings; a message naming the first bad field, or null. */
export function checkPanePatch(patch: Partial<PaneSettings>): string | null {
  const checks: [string, number | undefined, { min: number; max: number }, boolean][] = [
    ['Hidden size', patch.hiddenSize, LIMITS.hiddenSize, true],
    ['Layers', patch.numLayers, LIMITS.numLayers, true],
    ['Seed', patch.seed, LIMITS.seed, true],
    ['Weight scale', patch.weightScale, LIMITS.weightScale, false],
    ['Forget-gate bias', patch.forgetBias, LIMITS.forgetBias, false],
  ];
  for (const [label, value, limit, integer] of checks) {
    if (value === undefined) continue;
    const error = checkRange(label, value, limit, integer);
    if (error) return error;
  }
  if (patch.cell !== undefined && !['rnn', 'lstm', 'gru'].includes(patch.cell)) {
    return 'Cell type must be RNN, LSTM or GRU.';
  }
  if (patch.init !== undefined && !['pytorch', 'xavier', 'orthogonal'].includes(patch.init)) {
    return 'Init must be PyTorch default, Xavier or Orthogonal.';
  }
  return null;
}

/** Creates the panes slice with one LSTM pane. */
export const createPanesSlice: StateCreator<SceneState, [], [], PanesSlice> = (set) => ({
  panes: [defaultPane('A')],
  updatePane: (id, patch) => {
    const error = checkPanePatch(patch);
    if (error) return error;
    set((s) => ({
      panes: s.panes.map((pane) => (pane.id === id ? { ...pane, ...patch } : pane)),
      layer: Math.min(s.layer, (patch.numLayers ?? LIMITS.numLayers.max) - 1),
    }));
    return null;
  },
});
