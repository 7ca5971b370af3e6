import { beforeEach, describe, expect, it } from 'vitest';
import { paneRunOf, useScene } from '../../../src/store';
import { diagramTitle } from '../../../src/views/exports/exporters';

beforeEach(() => {
  useScene.setState(useScene.getInitialState(), true);
});

/** The title an exported diagram of pane A would carry now. */
function titleNow(): string {
  const state = useScene.getState();
  const pane = state.panes[0]!;
  const run = paneRunOf(pane, state.input);
  if (!run.ok) throw new Error(run.error);
  return diagramTitle(state, pane, run);
}

describe('diagramTitle', () => {
  it('names the model, the step (counted from 1) and the unit, as the diagram shows them', () => {
    useScene.getState().setStep(3);
    useScene.getState().setUnit(6);
    expect(titleNow()).toBe('A — LSTM · step 3 of 11 · unit 7 of 8');
  });

  it('names the layer of a stacked model, and clamps what is out of range', () => {
    useScene.getState().updatePane('A', { cell: 'gru', numLayers: 2 });
    useScene.getState().setLayer(1);
    useScene.getState().setUnit(99);
    expect(titleNow()).toBe('A — GRU · step 1 of 11 · layer 2 of 2 · unit 8 of 8');
  });
});
