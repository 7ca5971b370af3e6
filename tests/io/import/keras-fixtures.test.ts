/**
 * Our own Keras files (tests/fixtures/models/make_keras_fixtures.py writes them with h5py
 * in the layouts Keras 2 and 3 use, and the outputs of the Keras equations computed with
 * numpy from the stored weights): each imports with the right conventions and reproduces
 * those outputs to 1e-9, read-out included. Edited copies check the refusals.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createModel, forward } from '../../../src/engine';
import { importModels, type ImportedModel } from '../../../src/io/import';
import { expectClose, fixture } from './support';

interface Expected {
  xs: number[][];
  outputs: number[][];
  hT: number[][];
  cT?: number[][];
  headOnLast: number[];
}

const expected = (name: string): Expected =>
  JSON.parse(
    readFileSync(path.resolve(__dirname, `../../fixtures/models/${name}.expected.json`), 'utf8'),
  ) as Expected;

/** The whole imported stack on the fixture's input, and its read-out on the last step. */
function expectMatches(model: ImportedModel, want: Expected): void {
  const trace = forward(createModel(model.spec, model.params), want.xs);
  expectClose(trace.outputs, want.outputs, 'outputs');
  expectClose(trace.hT, want.hT, 'hT');
  if (want.cT) expectClose(trace.cT ?? [], want.cT, 'cT');
  const last = trace.outputs[trace.T - 1] as ArrayLike<number>;
  const head = model.head;
  expect(head).toBeDefined();
  const readOut = (head?.weight ?? []).map(
    (row, o) => row.reduce((s, w, i) => s + w * (last[i] as number), 0) + (head?.bias[o] ?? 0),
  );
  expectClose([readOut], [want.headOnLast], 'read-out');
}

describe('Keras fixtures written in the Keras layouts', () => {
  it('Keras 2 .h5, two GRUs reset_after=False with hard_sigmoid: one 2-layer classic model, z negated', async () => {
    const [model, ...rest] = await importModels([fixture('keras2_gru_resetbefore_hardsig.h5')]);
    expect(rest).toEqual([]);
    expect(model?.name).toBe('gru_1, gru_2');
    expect(model?.spec).toEqual({
      cell: 'gru',
      inputSize: 3,
      hiddenSize: 4,
      numLayers: 2,
      convention: 'classic',
      recurrentActivation: 'hard_sigmoid_keras2',
    });
    expect(model?.notes.join(' ')).toMatch(/z's weights and bias are negated/);
    expect(model?.format).toBe('Keras 2.2.4 .h5');
    expectMatches(model as ImportedModel, expected('keras2_gru_resetbefore_hardsig'));
  });

  it('Keras 3 .h5, Bidirectional LSTM with hard_sigmoid: bidirectional, Keras 3 hard sigmoid', async () => {
    const [model] = await importModels([fixture('keras3_bilstm.h5')]);
    expect(model?.spec).toEqual({
      cell: 'lstm',
      inputSize: 3,
      hiddenSize: 4,
      numLayers: 1,
      bidirectional: true,
      recurrentActivation: 'hard_sigmoid_keras3',
    });
    expect(Object.keys(model?.params ?? {})).toContain('weight_ih_l0_reverse');
    expectMatches(model as ImportedModel, expected('keras3_bilstm'));
  });

  it('Keras 3 .keras, SimpleRNN relu: weights found by class and order, relu kept', async () => {
    const [model] = await importModels([fixture('keras3_simplernn_relu.keras')]);
    expect(model?.spec).toEqual({
      cell: 'rnn',
      inputSize: 3,
      hiddenSize: 5,
      numLayers: 1,
      nonlinearity: 'relu',
    });
    expect(model?.assumed).toEqual([]);
    expectMatches(model as ImportedModel, expected('keras3_simplernn_relu'));
  });
});

/** The SimpleRNN .keras fixture with its config edited. */
function editedKeras(
  edit: (config: { config: { layers: { config: Record<string, unknown> }[] } }) => void,
) {
  const entries = unzipSync(fixture('keras3_simplernn_relu.keras').bytes);
  const config = JSON.parse(strFromU8(entries['config.json'] as Uint8Array));
  edit(config);
  entries['config.json'] = strToU8(JSON.stringify(config));
  return [{ name: 'edited.keras', bytes: zipSync(entries) }];
}

describe('Keras layers without an exact PyTorch-layout equivalent are refused with the reason', () => {
  it('a SimpleRNN with activation selu', async () => {
    const files = editedKeras((c) => {
      (c.config.layers[1] as { config: Record<string, unknown> }).config.activation = 'selu';
    });
    await expect(importModels(files)).rejects.toThrow(
      "edited.keras: layer 'simple_rnn' (SimpleRNN): activation 'selu' (a SimpleRNN is read with tanh or relu).",
    );
  });

  it('an LSTM class whose weights are a SimpleRNN’s: the shapes are named', async () => {
    const files = editedKeras((c) => {
      const layer = c.config.layers[1] as { class_name?: string; config: Record<string, unknown> };
      layer.class_name = 'LSTM';
      layer.config.activation = 'tanh';
    });
    // The weights group is looked up as layers/lstm, which does not exist.
    await expect(importModels(files)).rejects.toThrow(
      /edited\.keras: layer 'simple_rnn' \(LSTM\): expected a kernel/,
    );
  });
});

describe('.keras weights are matched by class and order, not by config name', () => {
  it('a layer renamed in the config still finds its weights (Keras 3.3 records no names)', async () => {
    const entries = unzipSync(fixture('keras3_simplernn_relu.keras').bytes);
    const config = JSON.parse(strFromU8(entries['config.json'] as Uint8Array));
    config.config.layers[1].config.name = 'renamed_rnn';
    entries['config.json'] = strToU8(JSON.stringify(config));
    const [model] = await importModels([{ name: 'renamed.keras', bytes: zipSync(entries) }]);
    expect(model?.name).toBe('renamed_rnn');
  });
});
