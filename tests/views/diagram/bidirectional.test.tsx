// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createModel, forward, initParams, type ModelSpec } from '../../../src/engine';
import { registerImported, startImportedModelSync, useScene } from '../../../src/store';
import { CellDiagram } from '../../../src/views/diagram/CellDiagram';
import { choiceOf } from '../../../src/views/imports/importStatus';
import { resetScene } from './support';

beforeEach(resetScene);

const p3 = (v: number) => v.toPrecision(3);

describe('a bidirectional model in the diagram', () => {
  it('draws the backward direction with the state it left at step t + 1, and says so', async () => {
    const spec: ModelSpec = {
      cell: 'rnn',
      inputSize: 1,
      hiddenSize: 2,
      numLayers: 1,
      bidirectional: true,
    };
    const params = initParams(spec, { seed: 5 });
    const [entry] = await registerImported('bi.pt', [
      { name: 'rnn', spec, params, assumed: [], format: 'test', notes: [] },
    ]);
    const stop = startImportedModelSync(useScene);
    act(() => {
      const scene = useScene.getState();
      scene.setImported('A', choiceOf(entry!, scene.input));
      scene.setInputKind('sine');
      scene.setSequenceLength(5);
      scene.setLayer(1); // layer 1's backward direction
      scene.setStep(2);
    });
    render(<CellDiagram paneId="A" />);
    expect(
      await screen.findByText(/Backward direction: .* step 2 .* the one it left at step 3\./),
    ).toBeInTheDocument();
    // The state drawn as h_{t−1} is the backward direction's h after it read step 3.
    const xs = Array.from({ length: 5 }, (_, t) => [Math.sin((2 * Math.PI * t) / 16)]);
    const trace = forward(createModel(spec, params), xs);
    const h3 = trace.layers[1]!.gates.h![2]![0]!;
    expect(document.querySelector('[data-port="h_{t−1}"] .cd-port-value')?.textContent).toBe(
      p3(h3),
    );
    act(() => useScene.getState().setStep(5));
    expect(screen.getByText(/zeros: step 5 is the first it reads\./)).toBeInTheDocument();
    // The forward direction has no such note.
    act(() => useScene.getState().setLayer(0));
    expect(screen.queryByText(/Backward direction/)).toBeNull();
    stop();
  });
});
