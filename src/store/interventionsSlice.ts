import type { StateCreator } from 'zustand';
import type { Intervention } from '../engine';
import { interventionsProblem, PANE_DEFAULTS, type PaneId, type PaneSettings } from '../scene';
import { originalRunOf } from './originalRun';
import type { SceneState } from './scene';

/**
 * What the diagram asks the Interventions panel to start from (a gate box's "what if"
 * action): the pane, the quantity, and the unit and step (0-based) shown when it was asked.
 * Not part of the link: a passing hint to the panel.
 */
export interface InterventionDraft {
  pane: PaneId;
  gate: string;
  unit: number;
  step: number;
  /** Counts the asks, so that asking twice for the same starts the form afresh. */
  nonce: number;
}

/** Each pane's "what if" changes (held in `PaneSettings.interventions`, part of the link). */
export interface InterventionsSlice {
  /**
   * Appends `list` to pane `id`'s interventions, after the engine has checked all of them
   * against the pane's model and the input. Returns the refusal (naming the intervention by
   * its number from 1) and changes nothing when one does not fit, or when the pane has no
   * run yet (its model is loading or failed).
   */
  addInterventions: (id: PaneId, list: readonly Intervention[]) => string | null;
  /** Removes pane `id`'s intervention at `index` (0-based); nothing when there is none. */
  removeIntervention: (id: PaneId, index: number) => void;
  /** Removes all of pane `id`'s interventions: the pane runs the model's own run again. */
  clearInterventions: (id: PaneId) => void;
  /** The panel's starting point asked for by the diagram, or null. */
  interventionDraft: InterventionDraft | null;
  /** Asks the panel to start from `draft` (numbered here: its `nonce`). */
  askIntervention: (draft: Omit<InterventionDraft, 'nonce'>) => void;
}

/** Creates the slice: no draft (the interventions themselves live in the panes). */
export const createInterventionsSlice: StateCreator<SceneState, [], [], InterventionsSlice> = (
  set,
  get,
) => {
  /** Replaces one pane's list; a pane whose list stays as long keeps its object (and run). */
  const setList = (id: PaneId, next: (pane: PaneSettings) => readonly Intervention[]) =>
    set((s) => ({
      panes: s.panes.map((pane) => {
        if (pane.id !== id) return pane;
        const interventions = next(pane);
        if (interventions.length === 0 && pane.interventions.length === 0) return pane;
        return { ...pane, interventions: Object.freeze(interventions) };
      }),
    }));
  return {
    addInterventions: (id, list) => {
      const { panes, input } = get();
      const pane = panes.find((p) => p.id === id);
      if (!pane) return `There is no model ${id}.`;
      const run = originalRunOf(pane, input);
      if (!run.ok) return `Model ${id} has no run to change yet: ${run.error}`;
      const all = [...pane.interventions, ...list];
      const problem = interventionsProblem(pane, run.sequence.xs.length, all, run.model.spec);
      if (problem) return problem;
      setList(id, () => all.map((iv) => Object.freeze({ ...iv })));
      return null;
    },
    removeIntervention: (id, index) =>
      setList(id, (pane) => pane.interventions.filter((_, n) => n !== index)),
    clearInterventions: (id) => setList(id, () => PANE_DEFAULTS.interventions),
    interventionDraft: null,
    askIntervention: (draft) =>
      set((s) => ({
        interventionDraft: { ...draft, nonce: (s.interventionDraft?.nonce ?? 0) + 1 },
      })),
  };
};
