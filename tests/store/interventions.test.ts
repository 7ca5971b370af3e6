/**
 * A pane's interventions in the store: checked by the engine before they become part of the
 * scene, applied to the pane's run, removable, and the original run kept beside them.
 */
import { describe, expect, it } from 'vitest';
import { forward, type Intervention } from '../../src/engine';
import { createSceneStore, originalRunOf, paneRunOf, type SceneStore } from '../../src/store';

const F_AT_5: Intervention = { layer: 0, gate: 'f', unit: 2, from: 4, to: 4, value: 0 };

function runOfA(store: SceneStore) {
  const { panes, input } = store.getState();
  const run = paneRunOf(panes[0]!, input);
  if (!run.ok) throw new Error(run.error);
  return run;
}

describe('interventions in the store', () => {
  it('applies an accepted intervention to the pane’s run, as the engine computes it', () => {
    const store = createSceneStore();
    const before = runOfA(store);
    expect(store.getState().addInterventions('A', [F_AT_5])).toBeNull();
    const after = runOfA(store);
    const expected = forward(before.model, before.sequence.xs, { interventions: [F_AT_5] });
    expect(after.trace.layers[0]!.gates.f![4]![2]).toBe(0);
    expect(before.trace.layers[0]!.gates.f![4]![2]).not.toBe(0);
    expect(Array.from(after.trace.outputs.at(-1)!)).toEqual(Array.from(expected.outputs.at(-1)!));
    // The forced f changes c from that step on.
    expect(after.trace.layers[0]!.gates.c![4]![2]).not.toBeCloseTo(
      before.trace.layers[0]!.gates.c![4]![2]!,
      6,
    );
  });

  it('keeps the original run, the same object while only the interventions change', () => {
    const store = createSceneStore();
    const own = runOfA(store);
    store.getState().addInterventions('A', [F_AT_5]);
    const { panes, input } = store.getState();
    const original = originalRunOf(panes[0]!, input);
    expect(original).toBe(own);
    store.getState().addInterventions('A', [{ ...F_AT_5, gate: 'i' }]);
    expect(originalRunOf(store.getState().panes[0]!, input)).toBe(own);
    expect(store.getState().panes[0]!.interventions).toHaveLength(2);
  });

  it('refuses what the engine refuses, naming it, and changes nothing', () => {
    const store = createSceneStore();
    const pane = store.getState().panes[0]!;
    const T = Array.from(store.getState().input.text).length;
    const add = (iv: Intervention) => store.getState().addInterventions('A', [iv]);
    expect(add({ ...F_AT_5, unit: 8 })).toMatch(/^Intervention 1: unit must be .* 0 to 7/);
    expect(add({ ...F_AT_5, from: T, to: T })).toMatch(/^Intervention 1: from and to/);
    expect(add({ ...F_AT_5, value: 1.5 })).toMatch(/value must be from 0 to 1/);
    expect(add({ ...F_AT_5, gate: 'z' })).toMatch(/gate must be one of i, f, g, o, c, h/);
    expect(store.getState().panes[0]).toBe(pane);
  });

  it('removes one, clears all, and the model’s own run returns', () => {
    const store = createSceneStore();
    const own = runOfA(store);
    const silence: Intervention[] = [
      { layer: 0, gate: 'h', unit: 0, from: 3, to: 10, value: 0 },
      { layer: 0, gate: 'c', unit: 0, from: 3, to: 10, value: 0 },
    ];
    store.getState().addInterventions('A', [F_AT_5, ...silence]);
    expect(runOfA(store).trace.layers[0]!.gates.h![6]![0]).toBe(0);
    store.getState().removeIntervention('A', 0);
    expect(store.getState().panes[0]!.interventions).toEqual(silence);
    store.getState().clearInterventions('A');
    const back = runOfA(store);
    expect(Array.from(back.trace.outputs.at(-1)!)).toEqual(Array.from(own.trace.outputs.at(-1)!));
  });

  it('drops the interventions when the model changes, and offers to remove them when the input no longer fits', () => {
    const store = createSceneStore();
    store.getState().addInterventions('A', [{ ...F_AT_5, from: 9, to: 9 }]);
    store.getState().setInputText('hello');
    const { panes, input } = store.getState();
    const run = paneRunOf(panes[0]!, input);
    expect(run.ok).toBe(false);
    if (!run.ok) expect(run.fixes).toContainEqual({ kind: 'clear-interventions' });
    store.getState().updatePane('A', { hiddenSize: 4 });
    expect(store.getState().panes[0]!.interventions).toEqual([]);
  });
});
