// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { headToStateDict, initHead, initParams } from '../../../src/engine';
import { MODEL_FORMAT, type ModelFile } from '../../../src/io/modelFile';
import {
  loadTrainedModel,
  paneRunOf,
  setJsonFetcher,
  startTrainedModelSync,
  useScene,
} from '../../../src/store';
import { ModelSettings } from '../../../src/views/controls/ModelSettings';
import { RunFixes } from '../../../src/views/RunFixes';

const SPEC = { cell: 'lstm', inputSize: 1, hiddenSize: 3, numLayers: 1 } as const;
/** A model file whose training started from orthogonal weights, scale 0.5, forget bias 3. */
const FILE: ModelFile = {
  format: MODEL_FORMAT,
  id: 'remember-first-5-lstm',
  title: 'LSTM remembering the first input, T = 5',
  spec: { ...SPEC, nonlinearity: 'tanh', convention: 'pytorch' },
  params: { ...initParams(SPEC, { seed: 3 }), ...headToStateDict(initHead(2, 3, 7)) },
  task: { name: 'remember-first', length: 5, noise: 1 },
  metrics: { accuracy: 0.9, loss: 0.2, chance: 0.5, samples: 100, seed: 9 },
  curve: [0.7],
  training: {
    seed: 11,
    epochs: 1,
    batchesPerEpoch: 1,
    batchSize: 1,
    learningRate: 0.01,
    clipNorm: 1,
    init: { scheme: 'orthogonal', weightScale: 0.5, forgetBias: 3, updateBias: 0 },
  },
};

beforeEach(async () => {
  setJsonFetcher(async (url) => {
    if (url.endsWith(`models/${FILE.id}.json`)) return structuredClone(FILE);
    throw new Error('the server answered 404');
  });
  useScene.setState(useScene.getInitialState(), true);
  startTrainedModelSync(useScene);
  useScene.getState().setTrained('A', {
    id: FILE.id,
    cell: 'lstm',
    hiddenSize: 3,
    numLayers: 1,
    task: 'remember-first',
    length: 5,
  });
  await loadTrainedModel(FILE.id);
});

describe('a trained pane’s settings', () => {
  it('show the file’s training recipe, marked as such, not the drawn-weights defaults', () => {
    render(<ModelSettings paneId="A" />);
    const group = screen.getByRole('group', { name: 'Model A' });
    expect(within(group).getByRole('combobox', { name: 'Init' })).toHaveValue('orthogonal');
    expect(within(group).getByRole('spinbutton', { name: 'Seed' })).toHaveValue(11);
    expect(within(group).getByRole('spinbutton', { name: 'Weight scale' })).toHaveValue(0.5);
    expect(within(group).getByRole('spinbutton', { name: 'Forget-gate bias' })).toHaveValue(3);
    expect(group).toHaveTextContent("the file's training recipe");
    // 4·3·1 + 4·3·3 + 2·4·3 = 72, the file's model, on its one input feature.
    expect(group).toHaveTextContent('72 parameters (1 input feature)');
  });

  it('a change of one value leaves the trained weights for drawn ones of the recipe shown, that value changed', () => {
    render(<ModelSettings paneId="A" />);
    const group = screen.getByRole('group', { name: 'Model A' });
    const slider = within(group).getByRole('slider', { name: 'Weight scale slider' });
    // One position right of 0.5: a 2.3 % larger scale.
    fireEvent.change(slider, {
      target: { value: String(Number((slider as HTMLInputElement).value) + 1) },
    });
    const pane = useScene.getState().panes[0]!;
    expect(pane.trained).toBe('');
    expect(pane).toMatchObject({ seed: 11, init: 'orthogonal', forgetBias: 3 });
    // Slider positions are hundredths of a decade: 0.5 sits at −30, the next one up is 10^(−0.29).
    expect(pane.weightScale).toBe(Number((10 ** -0.29).toPrecision(3)));
    expect(within(group).getByRole('spinbutton', { name: 'Seed' })).toHaveValue(11);
    expect(within(group).getByRole('combobox', { name: 'Init' })).toHaveValue('orthogonal');
    expect(within(group).getByRole('spinbutton', { name: 'Forget-gate bias' })).toHaveValue(3);
    expect(group).not.toHaveTextContent("the file's training recipe");
  });

  it('on an input it cannot read, one click puts the pane on random weights', () => {
    useScene.getState().setInputKind('text');
    const run = () => {
      const { panes, input } = useScene.getState();
      return paneRunOf(panes[0]!, input);
    };
    const failed = run();
    expect(failed.ok).toBe(false);
    render(<RunFixes paneId="A" fixes={failed.ok ? [] : failed.fixes} />);
    fireEvent.click(screen.getByRole('button', { name: 'Use random weights' }));
    expect(useScene.getState().panes[0]!.trained).toBe('');
    expect(run().ok).toBe(true);
  });
});

describe('dragging the weight scale', () => {
  it('rewrites only the scale’s own fields, however many moves (React rewrites a re-rendered input)', async () => {
    useScene.setState(useScene.getInitialState(), true);
    render(<ModelSettings paneId="A" />);
    const group = screen.getByRole('group', { name: 'Model A' });
    const others = ['Hidden size', 'Layers', 'Seed', 'Forget-gate bias'].map((name) =>
      within(group).getByRole('spinbutton', { name }),
    );
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    for (const field of others) observer.observe(field, { attributes: true });
    const slider = within(group).getByRole('slider', { name: 'Weight scale slider' });
    for (let k = 1; k <= 3; k++) {
      fireEvent.change(slider, {
        target: { value: String(Number((slider as HTMLInputElement).value) + 1) },
      });
    }
    await Promise.resolve(); // the observer reports in a microtask
    observer.disconnect();
    expect(useScene.getState().panes[0]!.weightScale).toBeGreaterThan(1);
    expect(changes.map((r) => r.attributeName)).toEqual([]);
    // Each field still edits the pane it belongs to, with the latest state.
    fireEvent.change(others[2]!, { target: { value: '7' } });
    expect(useScene.getState().panes[0]).toMatchObject({ seed: 7 });
    expect(useScene.getState().panes[0]!.weightScale).toBeGreaterThan(1);
  });
});
