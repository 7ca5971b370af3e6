/**
 * A model trained on the user's numbers, in a pane: it reads the pasted rows' input columns
 * standardised as in training and is scored against the target column; on any other input,
 * or numbers of other columns, the pane says what it reads and offers the ways back.
 */
import { describe, expect, it } from 'vitest';
import { createSceneStore, paneRunOf } from '../../src/store';
import { setTrainedModel } from '../../src/store/trainedModels';
import { parseModelFile } from '../../src/io/modelFile';
import { NUMBERS_MODEL_ID, ROWS, trainedFile } from '../io/numbersFixture';

const TEXT = ['x,z,y', ...ROWS.map((r) => r.join(','))].join('\n');

function sceneWithModel(numbers: string) {
  const store = createSceneStore();
  const loaded = parseModelFile(trainedFile(), NUMBERS_MODEL_ID);
  setTrainedModel(loaded);
  expect(store.getState().setInputNumbers(numbers)).toBeNull();
  store.getState().setInputKind('sine');
  const choice = { id: NUMBERS_MODEL_ID, cell: 'gru', hiddenSize: 3, numLayers: 1 } as const;
  store.getState().setTrained('A', { ...choice, task: 'numbers', length: 6 });
  const run = () => paneRunOf(store.getState().panes[0]!, store.getState().input);
  return { store, loaded, run };
}

describe('a numbers model in a pane', () => {
  it('switches the input back to the pasted numbers and reads their input columns, standardised', () => {
    const { store, loaded, run } = sceneWithModel(TEXT);
    expect(store.getState().input.kind).toBe('numbers');
    expect(store.getState().input.numbers).toBe(TEXT);
    const r = run();
    if (!r.ok) throw new Error(r.error);
    const { mean, std } = loaded.file.task as unknown as { mean: number[]; std: number[] };
    expect(r.sequence.xs.length).toBe(40);
    expect(r.sequence.xs[7]).toEqual([
      (ROWS[7]![0]! - mean[0]!) / std[0]!,
      (ROWS[7]![1]! - mean[1]!) / std[1]!,
    ]);
    expect(r.sequence.features).toEqual(['x (z)', 'z (z)']);
    expect(r.sequence.tokens[0]).toBe(
      `${Number(ROWS[0]![0]!.toPrecision(4))}, ${Number(ROWS[0]![1]!.toPrecision(4))}`,
    );
    // Scored from step 2 (one unscored step) against y, standardised.
    expect(r.readout!.targets[0]).toBeNull();
    expect(r.readout!.targets[5]).toEqual([(ROWS[5]![2]! - mean[2]!) / std[2]!]);
    expect(r.readout!.correct.filter((c) => c !== null).length).toBe(39);
  });

  it('on numbers of other columns, or none, it says what it reads and offers to paste its own', () => {
    const { store, run } = sceneWithModel('a,b,c\n1,2,3\n3,4,5');
    const r = run();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(
      /reads “x” and “z” and predicts “y”, the columns .*; your numbers have the columns “a”, “b” and “c”/,
    );
    expect(r.fixes?.map((f) => f.kind)).toEqual(['numbers', 'random-weights']);
    // Nothing changed the user's numbers.
    expect(store.getState().input.numbers).toBe('a,b,c\n1,2,3\n3,4,5');
    const paste = r.fixes![0]!;
    if (paste.kind !== 'numbers') return;
    expect(store.getState().setInputNumbers(paste.text)).toBeNull();
    const again = run();
    expect(again.ok).toBe(true);
    if (again.ok) expect(again.sequence.xs.length).toBe(40);

    // Another input: the same words, and the way back to the numbers when they fit.
    store.getState().setInputKind('sine');
    const other = run();
    expect(other.ok).toBe(false);
    if (!other.ok) {
      expect(other.error).toMatch(/it was trained on, not this input/);
      expect(other.fixes?.map((f) => f.kind)).toEqual(['input-kind', 'numbers', 'random-weights']);
    }
  });
});
