/**
 * Every Keras and TF.js file of the real-model collection imports and reproduces its
 * float64 references, layer by layer (refs have one entry per Keras layer; a stack the
 * importer merged is checked one layer at a time). Files are read in place.
 */
import { describe, expect, it } from 'vitest';
import { importModels } from '../../../src/io/import';
import { expectReproduces, realModelFiles } from './support';
import { refsOf } from './realModels';

/** id → file, and the stacks the importer must find (layer names, in order). */
const CASES: Record<string, { file: string; stacks: string[][] }> = {
  k3h5_lstm2: { file: 'k3h5_lstm2.h5', stacks: [['lstm', 'lstm_1']] },
  k3h5_gru2: { file: 'k3h5_gru2.h5', stacks: [['gru', 'gru_1']] },
  k3keras_lstm2: { file: 'k3keras_lstm2.keras', stacks: [['lstm', 'lstm_1']] },
  k3keras_gru3_attn: { file: 'k3keras_gru3_attn.keras', stacks: [['gru_3'], ['gru_4'], ['gru_5']] },
  k3h5_bilstm: { file: 'k3h5_bilstm.h5', stacks: [['bidirectional']] },
  k3h5_emb_simplernn_relu: { file: 'k3h5_emb_simplernn_relu.h5', stacks: [['simple_rnn']] },
  k2h5_bilstm2: { file: 'k2h5_bilstm2.h5', stacks: [['bidirectional_4', 'bidirectional_5']] },
  k2h5_gru_resetafter: { file: 'k2h5_gru_resetafter.h5', stacks: [['gru']] },
  k2h5_simplernn3: {
    file: 'k2h5_simplernn3.h5',
    stacks: [['simple_rnn', 'simple_rnn_1', 'simple_rnn_2']],
  },
  k2h5_weights_only_simplernn: {
    file: 'k2h5_weights_only_simplernn.h5',
    stacks: [['simple_rnn_3', 'simple_rnn_4']],
  },
  k2h5_emb_lstm_hardsig: { file: 'k2h5_emb_lstm_hardsig.h5', stacks: [['lstm_1']] },
  k2h5_gru2_resetbefore_hardsig: {
    file: 'k2h5_gru2_resetbefore_hardsig.h5',
    stacks: [['gru_1', 'gru_2']],
  },
  k2h5_gru4_resetbefore: {
    file: 'k2h5_gru4_resetbefore.h5',
    stacks: [['gru_1', 'gru_2', 'gru_3', 'gru_4']],
  },
  k2h5_emb_gru_k204: { file: 'k2h5_emb_gru_k204.h5', stacks: [['gru_2']] },
  k2h5_lstm_gobackwards: {
    file: 'k2h5_lstm_gobackwards.h5',
    stacks: [['lstm_forward'], ['lstm_backward']],
  },
  k3keras_lstm2_onnx_twin: {
    file: 'k3keras_lstm2_onnx_twin.keras',
    stacks: [['lstm_4'], ['lstm_5']],
  },
  tfjs_lstm_hardsig: { file: 'tfjs_lstm_hardsig', stacks: [['lstm_2']] },
};

/**
 * Read-outs the README lists, by the last layer of the stack they read: the Dense right
 * after it, as PyTorch's [out][in] (the README gives Keras's kernel [in][out]).
 */
const HEADS: Record<string, Record<string, [number, number]>> = {
  k3h5_lstm2: { lstm_1: [1, 50] },
  k3h5_gru2: { gru_1: [1, 50] },
  k3keras_lstm2: { lstm_1: [25, 50] },
  k3keras_gru3_attn: { gru_5: [5, 64] },
  k3h5_bilstm: { bidirectional: [32, 256] },
  k2h5_bilstm2: { bidirectional_5: [10, 128] },
  k2h5_emb_lstm_hardsig: { lstm_1: [4, 64] },
  k2h5_emb_gru_k204: { gru_2: [2, 50] },
  tfjs_lstm_hardsig: { lstm_2: [57, 128] },
  k2h5_gru_resetafter: { gru: [40, 80] },
  k2h5_simplernn3: { simple_rnn_2: [1, 50] },
  k2h5_gru2_resetbefore_hardsig: { gru_2: [2, 64] },
  k2h5_gru4_resetbefore: { gru_4: [1, 50] },
  k3h5_emb_simplernn_relu: { simple_rnn: [1, 8] },
  k2h5_weights_only_simplernn: { simple_rnn_4: [128, 128] },
  // A Lambda (the author's code) sits between lstm_5 and its Dense: no read-out is taken.
  k3keras_lstm2_onnx_twin: {},
};

/** Files whose first module reads an embedding; its refs' xs are its rows for tokens 0..11. */
const EMBEDDINGS: Record<string, number> = {
  k3h5_emb_simplernn_relu: 10000,
  k2h5_emb_lstm_hardsig: 100,
  k2h5_emb_gru_k204: 5000,
};

describe('real Keras and TF.js files: embeddings and read-outs', () => {
  for (const [id, heads] of Object.entries(HEADS)) {
    it(`${id}: read-out ${Object.keys(heads).join(', ') || 'none'}`, async () => {
      const models = await importModels(realModelFiles(`files/${CASES[id]?.file}`));
      for (const model of models) {
        const last = model.name.split(', ').pop() as string;
        const want = heads[last];
        const weight = model.head?.weight;
        expect(weight ? [weight.length, weight[0]?.length] : undefined, last).toEqual(want);
      }
    });
  }
  for (const [id, V] of Object.entries(EMBEDDINGS)) {
    it(`${id}: the embedding (${V} rows) whose rows the references fed in`, async () => {
      const [model] = await importModels(realModelFiles(`files/${CASES[id]?.file}`));
      expect(model?.embedding?.length).toBe(V);
      const [ref] = refsOf(id);
      ref?.xs.forEach((row, t) => expect(model?.embedding?.[t % V]).toEqual(row));
    });
  }
});

describe('real Keras and TF.js files', () => {
  for (const [id, { file, stacks }] of Object.entries(CASES)) {
    it(`${id}: finds ${stacks.map((s) => s.join(' + ')).join('; ')} and reproduces every layer's reference`, async () => {
      const models = await importModels(realModelFiles(`files/${file}`));
      expect(models.map((m) => m.name.split(', '))).toEqual(stacks);
      const refs = refsOf(id);
      for (const ref of refs) {
        const model = models.find((m) => m.name.split(', ').includes(ref.module));
        expect(model, ref.module).toBeDefined();
        if (!model) continue;
        expectReproduces(model, model.name.split(', ').indexOf(ref.module), ref);
      }
      expect(refs.length).toBe(stacks.flat().length);
    });
  }
});

describe('what a file does not record is said, not guessed silently', () => {
  it('k2h5_weights_only_simplernn (save_weights): the activation is marked assumed and the notes say why', async () => {
    const [model] = await importModels(realModelFiles('files/k2h5_weights_only_simplernn.h5'));
    expect(model?.assumed).toEqual(['nonlinearity']);
    expect(model?.format).toMatch(/save_weights\(\) \(no architecture\)/);
    expect(model?.notes[0]).toMatch(/no architecture/);
  });

  it('k2h5_emb_gru_k204 (Keras 2.0.4, no reset_after key): read as reset-before, and the notes say so', async () => {
    const [model] = await importModels(realModelFiles('files/k2h5_emb_gru_k204.h5'));
    expect(model?.spec.convention).toBe('classic');
    expect(model?.notes.join(' ')).toMatch(/predates the reset_after option/);
  });
});
