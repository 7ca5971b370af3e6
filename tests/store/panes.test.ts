import { beforeEach, describe, expect, it } from 'vitest';
import { parameterCount } from '../../src/engine';
import {
  closestHiddenSize,
  createSceneStore,
  nextCell,
  nextPaneId,
  selectCompare,
  sequenceOf,
  type SceneStore,
} from '../../src/store';

let store: SceneStore;
beforeEach(() => {
  store = createSceneStore();
});

const ids = () => store.getState().panes.map((p) => p.id);
const cells = () => store.getState().panes.map((p) => p.cell);

describe('adding and removing panes', () => {
  it('Compare adds a GRU of the same hidden size beside the LSTM, and keeps A as it was', () => {
    store.getState().updatePane('A', { hiddenSize: 12, weightScale: 0.5, forgetBias: 2 });
    const a = store.getState().panes[0];
    expect(selectCompare(store.getState())).toBe(false);
    store.getState().setCompare(true);
    expect(selectCompare(store.getState())).toBe(true);
    expect(ids()).toEqual(['A', 'B']);
    expect(store.getState().panes[0]).toBe(a);
    expect(store.getState().panes[1]).toMatchObject({
      cell: 'gru',
      hiddenSize: 12,
      weightScale: 0.5,
      forgetBias: 0,
    });
  });

  it('Add model adds a vanilla RNN as C, and refuses a fourth pane', () => {
    store.getState().setCompare(true);
    expect(store.getState().addPane()).toBeNull();
    expect(ids()).toEqual(['A', 'B', 'C']);
    expect(cells()).toEqual(['lstm', 'gru', 'rnn']);
    expect(store.getState().panes[2]?.nonlinearity).toBe('tanh');
    expect(store.getState().addPane('lstm')).toMatch(/At most 3/);
    expect(ids()).toEqual(['A', 'B', 'C']);
  });

  it('a removed letter is handed out again, and panes stay in letter order', () => {
    store.getState().setCompare(true);
    store.getState().addPane();
    expect(store.getState().removePane('B')).toBeNull();
    expect(ids()).toEqual(['A', 'C']);
    expect(store.getState().addPane('lstm')).toBeNull();
    expect(ids()).toEqual(['A', 'B', 'C']);
    expect(cells()).toEqual(['lstm', 'lstm', 'rnn']);
  });

  it('refuses to remove the last pane or a pane that is not there', () => {
    expect(store.getState().removePane('A')).toMatch(/last model/);
    expect(store.getState().removePane('B')).toMatch(/no model B/);
    expect(ids()).toEqual(['A']);
  });

  it('removing a pane clears a hover that pointed into it, keeps one that did not', () => {
    store.getState().setCompare(true);
    store.getState().addPane();
    store.getState().setHovered({ pane: 'C', name: 'h' });
    store.getState().removePane('C');
    expect(store.getState().hovered).toBeNull();
    store.getState().setHovered({ pane: 'A', name: 'f' });
    store.getState().removePane('B');
    expect(store.getState().hovered).toEqual({ pane: 'A', name: 'f' });
    expect(selectCompare(store.getState())).toBe(false);
  });

  it('turning Compare off keeps pane A alone; on again adds a GRU once', () => {
    store.getState().setCompare(true);
    store.getState().addPane();
    const a = store.getState().panes[0];
    store.getState().setCompare(false);
    expect(ids()).toEqual(['A']);
    expect(store.getState().panes[0]).toBe(a);
    store.getState().setCompare(true);
    store.getState().setCompare(true);
    expect(cells()).toEqual(['lstm', 'gru']);
  });

  it('the state stays plain, serializable data', () => {
    store.getState().setCompare(true);
    store.getState().addPane();
    const { panes } = store.getState();
    expect(JSON.parse(JSON.stringify(panes))).toEqual(panes);
  });
});

describe('next letter and cell', () => {
  it('hands out the first free letter and the first cell type not shown', () => {
    expect(nextPaneId([{ id: 'A' }, { id: 'C' }])).toBe('B');
    expect(nextPaneId([{ id: 'A' }, { id: 'B' }, { id: 'C' }])).toBeNull();
    expect(nextCell([{ cell: 'gru' }])).toBe('lstm');
    expect(nextCell([{ cell: 'lstm' }, { cell: 'gru' }])).toBe('rnn');
    expect(nextCell([{ cell: 'rnn' }, { cell: 'lstm' }])).toBe('gru');
  });
});

describe('match parameter count', () => {
  /** The smallest gap any hidden size 1–64 reaches, by brute force. */
  const bestGap = (spec: Parameters<typeof closestHiddenSize>[0], target: number) =>
    Math.min(
      ...Array.from({ length: 64 }, (_, k) =>
        Math.abs(parameterCount({ ...spec, hiddenSize: k + 1 }) - target),
      ),
    );

  it('gives the closest count of every hidden size, for every cell, depth and target', () => {
    for (const cell of ['rnn', 'lstm', 'gru'] as const) {
      for (const numLayers of [1, 2, 3]) {
        for (const inputSize of [1, 8, 27]) {
          for (const target of [1, 57, 576, 1234, 9999, 30_000, 1e6]) {
            const spec = { cell, numLayers, inputSize };
            const H = closestHiddenSize(spec, target);
            const gap = Math.abs(parameterCount({ ...spec, hiddenSize: H }) - target);
            expect(gap).toBe(bestGap(spec, target));
            expect(H).toBeGreaterThanOrEqual(1);
            expect(H).toBeLessThanOrEqual(64);
          }
        }
      }
    }
  });

  it('sets the other panes to the closest count to A’s on the current input, A unchanged', () => {
    store.getState().updatePane('A', { hiddenSize: 20, numLayers: 2 });
    store.getState().setCompare(true);
    store.getState().addPane();
    const inputSize = sequenceOf(store.getState().input).inputSize;
    const [a] = store.getState().panes;
    const sizes = store.getState().matchParameterCount();
    const [a2, b, c] = store.getState().panes;
    expect(a2).toBe(a);
    expect(sizes).toEqual({ B: b?.hiddenSize, C: c?.hiddenSize });
    const target = parameterCount({ ...a!, inputSize });
    for (const pane of [b!, c!]) {
      const gap = Math.abs(parameterCount({ ...pane, inputSize }) - target);
      expect(gap).toBe(bestGap({ ...pane, inputSize }, target));
    }
    // A GRU needs more units than an LSTM for the same count, an RNN more still.
    expect(b!.hiddenSize).toBeGreaterThan(20);
    expect(c!.hiddenSize).toBeGreaterThan(b!.hiddenSize);
  });

  it('with one pane there is nothing to match', () => {
    const panes = store.getState().panes;
    expect(store.getState().matchParameterCount()).toEqual({});
    expect(store.getState().panes).toEqual(panes);
  });
});
