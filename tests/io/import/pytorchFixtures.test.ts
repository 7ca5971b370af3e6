/**
 * Files written by torch 1.13 (tests/fixtures/models/make_pytorch_fixtures.py): each
 * imported model reproduces torch's own float64 outputs on the script's fixed input.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importModels, ImportError, type ImportedModel } from '../../../src/io/import';
import { expectClose, type Outputs } from './realModels';
import { runImported } from './runImported';

const DIR = path.resolve(__dirname, '../../fixtures/models/pytorch');

interface Expected extends Outputs {
  readonly module: string;
  readonly xs: number[][];
  readonly nonlinearity?: 'tanh' | 'relu';
  readonly tokenIds?: number[];
}

const EXPECTED = JSON.parse(readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as Record<
  string,
  Expected[]
>;

const load = (name: string): Promise<ImportedModel[]> =>
  importModels([{ name, bytes: new Uint8Array(readFileSync(path.join(DIR, name))) }]);

describe('PyTorch fixtures made by torch 1.13', () => {
  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: reproduces torch's outputs, hT${expected[0]!.cT ? ' and cT' : ''} to 1e-9`, async () => {
      const models = await load(file);
      expect(models).toHaveLength(expected.length);
      expected.forEach((want, k) => {
        const model = models[k]!;
        if (want.nonlinearity) expect(model.spec.nonlinearity).toBe(want.nonlinearity);
        expectClose(runImported(model, want.xs), want, `${file}/${want.module}`);
        if (want.tokenIds) expect(want.tokenIds.map((t) => model.embedding![t])).toEqual(want.xs);
      });
    });
  }

  it('emb_lstm.pt: the embedding, LSTM and head of a state dict', async () => {
    const [m] = await load('emb_lstm.pt');
    expect(m!.format).toBe('PyTorch state dict (zip, torch ≥ 1.6)');
    expect([m!.embedding!.length, m!.head!.weight.length, m!.head!.bias.length]).toEqual([
      10, 3, 3,
    ]);
  });

  it('bigru.pt: a 2-layer bidirectional GRU with its _reverse weights, and the head on 2H', async () => {
    const [m] = await load('bigru.pt');
    expect(m!.spec).toEqual({
      cell: 'gru',
      inputSize: 3,
      hiddenSize: 4,
      numLayers: 2,
      bidirectional: true,
    });
    expect(Object.keys(m!.params)).toContain('weight_ih_l1_reverse');
    expect((m!.params.weight_ih_l1 as number[][])[0]).toHaveLength(8);
    expect(m!.head!.weight[0]).toHaveLength(8);
  });

  it('lstm_f16.pt and gru_bf16.pt: half-precision weights are widened and said so', async () => {
    const [f16] = await load('lstm_f16.pt');
    const [bf16] = await load('gru_bf16.pt');
    expect(f16!.notes.join(' ')).toMatch(/float16 weights, widened exactly/);
    expect(bf16!.notes.join(' ')).toMatch(/bfloat16 weights, widened exactly/);
  });

  it('legacy_rnn.pt: the pre-1.6 format; an RNN whose nonlinearity is assumed', async () => {
    const [m] = await load('legacy_rnn.pt');
    expect(m!.format).toBe('PyTorch state dict (legacy format, torch < 1.6)');
    expect(m!.assumed).toEqual(['nonlinearity']);
  });

  it('module_rnn_relu.pt: a pickled __main__ class read without its code; relu from nn.RNN', async () => {
    const [m] = await load('module_rnn_relu.pt');
    expect(m!.format).toBe('PyTorch whole-module pickle (zip, torch ≥ 1.6)');
    expect(m!.spec.nonlinearity).toBe('relu');
    expect(m!.assumed).toEqual([]);
    expect(m!.notes.join(' ')).toMatch(/of __main__\.RnnRelu/);
    expect(m!.head!.weight).toHaveLength(2);
  });

  it('ckpt_lstm_proj.pt: a checkpoint with optimizer state; proj_size and the vocabulary', async () => {
    const [m] = await load('ckpt_lstm_proj.pt');
    expect(m!.spec).toEqual({
      cell: 'lstm',
      inputSize: 3,
      hiddenSize: 5,
      numLayers: 1,
      projSize: 2,
    });
    expect(m!.params.weight_hr_l0).toHaveLength(2);
    expect(m!.vocabulary).toEqual(['a', 'b', 'c']);
    expect(m!.notes.join(' ')).toMatch(/checkpoint under 'model_state_dict'/);
    expect(m!.head!.weight[0]).toHaveLength(2);
  });

  it('scripted.pt: a TorchScript archive is refused with what to do instead', async () => {
    await expect(load('scripted.pt')).rejects.toThrow(ImportError);
    await expect(load('scripted.pt')).rejects.toThrow(
      /^scripted\.pt: .*TorchScript.*state_dict\(\)/,
    );
  });

  it('emb_gru.safetensors: read in data order, an F64 tensor among F32 ones', async () => {
    const [m] = await load('emb_gru.safetensors');
    expect(m!.format).toBe('safetensors');
    expect(m!.embedding).toHaveLength(6);
    expect(m!.head!.weight).toHaveLength(6);
  });
});
