/**
 * Every PyTorch file of the real-model collection imports and reproduces its reference
 * outputs (torch's own, float64); the broken files are refused with the message a user needs.
 */
import { describe, expect, it } from 'vitest';
import { importModels, ImportError, type ImportedModel } from '../../../src/io/import';
import { expectClose, manifest, realFile, refsOf } from './realModels';
import { runImported } from './runImported';

const PYTORCH = manifest().filter((e) => /^pt(m)?_/.test(e.id));

/** The manifest's head shapes and embedding shapes, by file. */
const details = (id: string) =>
  manifest().find((e) => e.id === id) as unknown as {
    heads: { name: string; weightShape: number[] }[];
    embedding: { name: string; shape: number[]; feeds: string }[];
  };

describe('PyTorch files of ../shared/real-models', () => {
  it('lists the 14 PyTorch files of the collection', () => {
    expect(PYTORCH.map((e) => e.id)).toHaveLength(14);
  });

  for (const entry of PYTORCH) {
    it(`${entry.id}: imports and reproduces every reference module to 1e-9`, async () => {
      const models = await importModels([realFile(entry.file)]);
      const refs = refsOf(entry.id);
      expect(models.map((m) => m.name)).toEqual([...new Set(refs.map((r) => r.module))]);
      for (const ref of refs) {
        const model = models.find((m) => m.name === ref.module)!;
        expect(model.spec).toMatchObject({
          cell: ref.cell,
          inputSize: ref.inputSize,
          hiddenSize: ref.hiddenSize,
          numLayers: ref.numLayers,
        });
        expect(model.spec.bidirectional ?? false).toBe(ref.bidirectional);
        const spec = ref.nonlinearity
          ? { ...model.spec, nonlinearity: ref.nonlinearity }
          : model.spec;
        expectClose(
          runImported({ spec, params: model.params }, ref.xs),
          ref,
          `${entry.id}/${ref.module}`,
        );
        const tokens = (ref as { tokenIds?: number[] }).tokenIds;
        // A module fed by an embedding: the ref's xs are that embedding's rows.
        if (tokens) expect(tokens.map((t) => model.embedding![t])).toEqual(ref.xs);
      }
      checkLinks(entry.id, models);
    });
  }

  it('pt_rnn_relu: the nonlinearity a state dict does not record is assumed tanh and said so', async () => {
    const [model] = await importModels([realFile('files/pt_rnn_relu.pth')]);
    expect(model!.spec.nonlinearity).toBe('tanh');
    expect(model!.assumed).toEqual(['nonlinearity']);
    expect(model!.notes.join(' ')).toMatch(/does not record .*nonlinearity.*tanh/);
    const variants = refsOf('pt_rnn_relu').map((r) => r.variant);
    expect(variants).toEqual(['as-trained', 'if-imported-with-tanh-default']);
  });

  it('whole-module pickles: the nonlinearity and cell come from the pickled module', async () => {
    const [rnn] = await importModels([realFile('files/ptm_rnn2_attn.pth')]);
    expect(rnn!.assumed).toEqual([]);
    expect(rnn!.notes.join(' ')).toMatch(/pickled nn\.RNN \(mode 'RNN_TANH'\)/);
    // The attention scorer (a Linear 128 → 1) also fits the shapes; the head is fc.
    expect(rnn!.head!.weight).toHaveLength(6);
    expect(rnn!.notes.join(' ')).toMatch(/'fc'.*chosen among 'fc', 'self_attention\.attention'/);
  });

  it('pt_gru_named_lstm: the cell comes from the row count, not the prefix', async () => {
    const [model] = await importModels([realFile('files/pt_gru_named_lstm.pth')]);
    expect(model!.name).toBe('lstm');
    expect(model!.spec.cell).toBe('gru');
    expect(model!.notes.join(' ')).toMatch(/45 rows = 3 × 15 \(nn\.GRU\)/);
  });

  it("pt_ckpt_lstm2: the state dict under 'model', the vocabulary from 'chars', mps storages", async () => {
    const [model] = await importModels([realFile('files/pt_ckpt_lstm2.pt')]);
    expect(model!.format).toBe('PyTorch checkpoint (zip, torch ≥ 1.6)');
    expect(model!.vocabulary).toHaveLength(84);
    expect(model!.notes.join(' ')).toMatch(/under 'model'/);
    expect(model!.notes.join(' ')).toMatch(/saved on mps/);
  });
});

/** Embeddings and heads found are the manifest's, with its shapes. */
function checkLinks(id: string, models: ImportedModel[]): void {
  const { heads, embedding } = details(id);
  for (const e of embedding) {
    const model = models.find((m) => m.name === e.feeds)!;
    expect([model.embedding!.length, model.embedding![0]!.length]).toEqual(e.shape);
  }
  const withHead = models.filter((m) => m.head);
  expect(withHead.length).toBe(heads.length);
  for (const m of withHead) {
    expect(heads.map((h) => h.weightShape)).toContainEqual([
      m.head!.weight.length,
      m.head!.weight[0]!.length,
    ]);
  }
}

describe('broken PyTorch files', () => {
  const refused = async (file: string): Promise<string> => {
    const error = await importModels([realFile(file)]).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    return (error as ImportError).message;
  };

  it('tensor_cut.pth: names the tensor, its record, the bytes needed and present', async () => {
    expect(await refused('broken/tensor_cut.pth')).toBe(
      "tensor_cut.pth: Tensor 'lstm.weight_hh_l2' needs 1600 bytes of data but its record 'archive/data/204830400' has only 800: the file is corrupt.",
    );
  });

  it('truncated.pth: says the archive is truncated (no end-of-central-directory)', async () => {
    const message = await refused('broken/truncated.pth');
    expect(message).toMatch(/^truncated\.pth: .*truncated.*end-of-central-directory/);
  });

  it('model.pth (random bytes): neither a zip nor a legacy torch pickle', async () => {
    expect(await refused('broken/model.pth')).toMatch(
      /^model\.pth: not a PyTorch file: neither a zip archive .* nor a legacy torch pickle/,
    );
  });
});
