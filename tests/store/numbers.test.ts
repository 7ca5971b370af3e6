/**
 * The user's numbers as the input (issue #14, "Paste or drop numbers"): rows are steps and
 * columns features; what cannot be read is refused with its row and column while the
 * numbers in use stay; a drawn pane reads as many features as there are columns, and a
 * trained or imported model of another width is refused with the reason and a way out.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createModel, forward, initParams, type ModelSpec } from '../../src/engine';
import type { ImportedModel } from '../../src/io/import/types';
import { LIMITS, sequenceLength } from '../../src/scene';
import {
  createSceneStore,
  loadTrainedModel,
  paneRunOf,
  registerImported,
  startImportedModelSync,
  type PaneRun,
  type SceneStore,
} from '../../src/store';
import { choiceOf } from '../../src/views/imports/importStatus';
import { chooseFixtureForA, FIXTURE_ID, storeServing } from './trainedSupport';
import { validFile } from '../io/modelFixtures';

/** Four steps of three features, as a spreadsheet saves them, with a header row. */
const PASTED = 'temp,rain,wind\n0.5,-1.25,2\n1,0,-3\n0.25,4,1.5\n-2,0.75,0\n';
const ROWS = [
  [0.5, -1.25, 2],
  [1, 0, -3],
  [0.25, 4, 1.5],
  [-2, 0.75, 0],
];

let store: SceneStore;
beforeEach(() => {
  store = createSceneStore();
});

const runOfA = (s: SceneStore): PaneRun => paneRunOf(s.getState().panes[0]!, s.getState().input);

describe('setInputNumbers', () => {
  it('makes the pasted rows the input: T = rows, I = columns, the header names the features', () => {
    expect(store.getState().setInputNumbers(PASTED)).toBeNull();
    const { input } = store.getState();
    expect(input).toMatchObject({ kind: 'numbers', numbers: PASTED });
    expect(sequenceLength(input)).toBe(4);
    const run = runOfA(store);
    if (!run.ok) throw new Error(run.error);
    expect(run.sequence.xs).toEqual(ROWS);
    expect(run.sequence.inputSize).toBe(3);
    expect(run.sequence.features).toEqual(['temp', 'rain', 'wind']);
    // The step's label is its row, so the diagram's x_t reads as the row pasted.
    expect(run.sequence.tokens[0]).toBe('0.5, -1.25, 2');
  });

  it('refuses a cell that is not a number, naming its row and column, and keeps the numbers in use', () => {
    expect(store.getState().setInputNumbers(PASTED)).toBeNull();
    const before = store.getState().input;
    // Line 3 of the text, second cell.
    const message = store.getState().setInputNumbers('a,b,c\n1,2,3\n4,n/a,6\n');
    expect(message).toMatch(/^Row 3, column 2: 'n\/a' is not a number\./);
    expect(message).toMatch(/Kept the previous numbers\.$/);
    expect(store.getState().input).toBe(before);
  });

  it('refuses a ragged row by its number and what the first row had', () => {
    store.getState().setInputNumbers(PASTED);
    const message = store.getState().setInputNumbers('1,2,3\n4,5\n');
    expect(message).toMatch(/^Row 2 has 2 columns; row 1 has 3/);
    expect(store.getState().input.numbers).toBe(PASTED);
  });

  it('refuses more steps or characters than the page runs, and an empty paste', () => {
    const tooLong = Array.from({ length: LIMITS.sequenceLength.max + 1 }, (_, t) => `${t}`);
    expect(store.getState().setInputNumbers(tooLong.join('\n'))).toMatch(
      /at most 2000 steps can be run/,
    );
    const huge = '1\n'.repeat(LIMITS.numbersLength.max);
    expect(store.getState().setInputNumbers(huge)).toMatch(/at most 50000 fit/);
    expect(store.getState().setInputNumbers('  \n ')).toMatch(/No numbers/);
    // The default text input was never replaced.
    expect(store.getState().input.kind).toBe('text');
  });

  it('brings the step back inside the new length', () => {
    store.getState().setInputNumbers(PASTED);
    store.getState().setStep(4);
    expect(store.getState().t).toBe(4);
    expect(store.getState().setInputNumbers('1\n2\n')).toBeNull();
    expect(store.getState().t).toBe(2);
  });
});

describe('a drawn pane on the numbers', () => {
  it('draws its input weights for as many features as there are columns, and runs the rows', () => {
    store.getState().setInputNumbers(PASTED);
    const pane = store.getState().panes[0]!;
    const run = runOfA(store);
    if (!run.ok) throw new Error(run.error);
    expect(run.model.spec.inputSize).toBe(3);
    const spec: ModelSpec = {
      cell: pane.cell,
      inputSize: 3,
      hiddenSize: pane.hiddenSize,
      numLayers: 1,
    };
    const direct = forward(createModel(spec, initParams(spec, { seed: pane.seed })), ROWS);
    expect(Array.from(run.trace.hT[0]!)).toEqual(Array.from(direct.hT[0]!));
  });
});

describe('a model of another width on the numbers', () => {
  it('a shipped model reading 1 feature refuses 2 columns, with random weights as the way out; 1 column runs', async () => {
    const shipped = storeServing(async () => validFile());
    chooseFixtureForA(shipped);
    await loadTrainedModel(FIXTURE_ID);
    expect(shipped.getState().setInputNumbers('1,2\n3,4\n')).toBeNull();
    const refused = runOfA(shipped);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error).toContain('reads 1 feature per step; your numbers have 2 columns');
      expect(refused.fixes).toEqual([{ kind: 'random-weights' }]);
    }
    expect(shipped.getState().setInputNumbers('0.5\n-1\n1\n')).toBeNull();
    const run = runOfA(shipped);
    if (!run.ok) throw new Error(run.error);
    expect(run.trained?.file.id).toBe(FIXTURE_ID);
    expect(run.sequence.xs).toEqual([[0.5], [-1], [1]]);
  });

  it('an imported model reading 3 features keeps the numbers, refuses 2 columns by name, runs 3', async () => {
    const spec: ModelSpec = { cell: 'gru', inputSize: 3, hiddenSize: 2, numLayers: 1 };
    const model: ImportedModel = {
      name: 'gru',
      spec,
      params: initParams(spec, { seed: 5 }),
      assumed: [],
      format: 'test',
      notes: [],
    };
    const [entry] = await registerImported('sensor.pt', [model]);
    const imported = createSceneStore();
    startImportedModelSync(imported);
    imported.getState().setInputNumbers('1,2\n3,4\n');
    imported.getState().setImported('A', choiceOf(entry!, imported.getState().input));
    // Choosing the model leaves the user's numbers in place (it does not switch to noise).
    expect(imported.getState().input.kind).toBe('numbers');
    const refused = await settled(imported);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error).toContain('reads 3 features per step; your numbers have 2 columns');
      expect(refused.fixes).toContainEqual(
        expect.objectContaining({ kind: 'input-kind', input: 'noise' }),
      );
      expect(refused.fixes).toContainEqual({ kind: 'random-weights' });
    }
    expect(imported.getState().setInputNumbers(PASTED)).toBeNull();
    const run = await settled(imported);
    if (!run.ok) throw new Error(run.error);
    const direct = forward(createModel(spec, model.params), ROWS);
    expect(Array.from(run.trace.hT[0]!)).toEqual(Array.from(direct.hT[0]!));
  });
});

/** Pane A's run once the imported-model runtime has loaded (it is not on the first paint). */
async function settled(s: SceneStore): Promise<PaneRun> {
  for (let k = 0; k < 50; k++) {
    const run = runOfA(s);
    if (run.ok || !run.loading) return run;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the imported run never settled');
}
