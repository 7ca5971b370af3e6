import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importModels, ImportError, type ImportedModel } from '../../../src/io/import';
import { applyHead, expectClose, fileAt, fixture, realModels, repoRoot, run } from './support';

interface LayerRef {
  outputs: number[][];
  hT: number[][];
  cT?: number[][];
}
interface FixtureRef {
  xs: number[][];
  layers: LayerRef[];
  params?: Record<string, number[] | number[][]>;
  head?: { outputs: number[][] };
}
const refs = JSON.parse(
  readFileSync(path.join(repoRoot, 'tests/fixtures/models/onnx_fixtures.json'), 'utf8'),
) as Record<string, FixtureRef>;

const importOne = async (name: string) => importModels([fixture(name)]);

/** Torch's parameters of layer `layer` under the one-layer names each ONNX node maps to. */
function torchParams(ref: FixtureRef, layer: number) {
  return Object.fromEntries(
    Object.entries(ref.params!)
      .filter(([k]) => k.includes(`_l${layer}`))
      .map(([k, v]) => [k.replace(`_l${layer}`, '_l0'), v]),
  );
}

describe('ONNX files exported by torch.onnx.export', () => {
  it.each(['onnx_lstm_head.onnx', 'onnx_gru_last.onnx', 'onnx_rnn.onnx', 'onnx_rnn_relu.onnx'])(
    '%s: the parameters are torch’s, and the model reproduces torch’s float64 outputs',
    async (name) => {
      const ref = refs[name]!;
      const [model] = await importOne(name);
      expect(model!.params).toEqual(torchParams(ref, 0));
      const got = run(model!, ref.xs);
      expectClose(got.outputs, ref.layers[0]!.outputs, 'outputs');
      expectClose(got.hT, ref.layers[0]!.hT, 'hT');
      if (ref.layers[0]!.cT) expectClose(got.cT!, ref.layers[0]!.cT, 'cT');
    },
  );

  it('reads the RNN’s nonlinearity from its activations (Relu), which a state dict cannot tell', async () => {
    const [relu] = await importOne('onnx_rnn_relu.onnx');
    const [tanh] = await importOne('onnx_rnn.onnx');
    expect(relu!.spec.nonlinearity).toBe('relu');
    expect(tanh!.spec.nonlinearity).toBe('tanh');
    expect(relu!.assumed).toEqual([]);
  });

  it('takes the Linear after every step (MatMul + Add) as the head and reproduces torch’s read-out', async () => {
    const ref = refs['onnx_lstm_head.onnx']!;
    const [model] = await importOne('onnx_lstm_head.onnx');
    const outputs = run(model!, ref.xs).outputs;
    expectClose(applyHead(model!.head!, outputs), ref.head!.outputs, 'head');
    expect(model!.notes.join(' ')).toMatch(/MatMul \+ Add.*transposed/);
  });

  it('takes the Linear on the last step (Gather + Gemm) as the head', async () => {
    const ref = refs['onnx_gru_last.onnx']!;
    const [model] = await importOne('onnx_gru_last.onnx');
    const outputs = run(model!, ref.xs).outputs;
    expectClose(applyHead(model!.head!, outputs.slice(-1)), ref.head!.outputs, 'head');
    expect(model!.spec.convention).toBe('pytorch');
    expect(model!.notes.join(' ')).toContain('linear_before_reset=1');
  });

  it('an RNN without a Linear after it has no head, and says so', async () => {
    const [rnn] = await importOne('onnx_rnn.onnx');
    expect(rnn!.head).toBeUndefined();
    expect(rnn!.notes.join(' ')).toMatch(/no head/);
  });

  it('a 2-layer LSTM gives one model per node; chained, they reproduce torch’s stack', async () => {
    const ref = refs['onnx_lstm_2layer.onnx']!;
    const models = await importOne('onnx_lstm_2layer.onnx');
    expect(models.map((m) => m.spec.numLayers)).toEqual([1, 1]);
    expect(models.map((m) => m.spec.inputSize)).toEqual([3, 4]);
    let xs = ref.xs;
    models.forEach((model, layer) => {
      expect(model.params).toEqual(torchParams(ref, layer));
      const got = run(model, xs);
      expectClose(got.outputs, ref.layers[layer]!.outputs, `layer ${layer} outputs`);
      expectClose(got.cT!, ref.layers[layer]!.cT!, `layer ${layer} cT`);
      xs = got.outputs;
    });
    expect(models[0]!.notes.join(' ')).toContain('feed the next recurrent node');
  });

  it('a bidirectional LSTM: …_reverse parameters, each direction reproducing torch’s half', async () => {
    const ref = refs['onnx_bilstm.onnx']!;
    const [model] = await importOne('onnx_bilstm.onnx');
    expect(model!.spec.bidirectional).toBe(true);
    expect(model!.params).toEqual(torchParams(ref, 0));
    const H = model!.spec.hiddenSize;
    const single = { ...model!.spec, bidirectional: false };
    const pick = (suffix: string): ImportedModel => ({
      ...model!,
      spec: single,
      params: Object.fromEntries(
        ['weight_ih', 'weight_hh', 'bias_ih', 'bias_hh'].map((k) => [
          `${k}_l0`,
          model!.params[`${k}_l0${suffix}`]!,
        ]),
      ),
    });
    const fwd = run(pick(''), ref.xs);
    const bwd = run(pick('_reverse'), [...ref.xs].reverse());
    const outputs = ref.xs.map((_, t) => [
      ...fwd.outputs[t]!,
      ...bwd.outputs[ref.xs.length - 1 - t]!,
    ]);
    expectClose(outputs, ref.layers[0]!.outputs, 'outputs');
    expectClose([fwd.hT[0]!, bwd.hT[0]!], ref.layers[0]!.hT, 'hT');
    expect(H).toBe(4);
  });
});

describe('ONNX graphs built by hand (numpy references from the operator equations)', () => {
  it('GRU with linear_before_reset=0: classic convention with z negated; W via Constant, R via Identity', async () => {
    const ref = refs['onnx_gru_lbr0.onnx']!;
    const [model] = await importOne('onnx_gru_lbr0.onnx');
    expect(model!.spec.convention).toBe('classic');
    expect(model!.notes.join(' ')).toMatch(/negated.*σ\(−a\) = 1 − σ\(a\)/);
    const got = run(model!, ref.xs);
    expectClose(got.outputs, ref.layers[0]!.outputs, 'outputs');
    expectClose(got.hT, ref.layers[0]!.hT, 'hT');
  });

  it('RNN with direction=reverse: goBackwards; run on the reversed sequence it gives the file’s Y reversed', async () => {
    const ref = refs['onnx_rnn_reverse.onnx']!;
    const [model] = await importOne('onnx_rnn_reverse.onnx');
    expect(model!.goBackwards).toBe(true);
    expect(model!.notes.join(' ')).toContain('reversed sequence');
    const got = run(model!, [...ref.xs].reverse());
    expectClose(got.outputs.reverse(), ref.layers[0]!.outputs, 'outputs');
    expectClose(got.hT, ref.layers[0]!.hT, 'hT');
  });

  it.each([
    ['onnx_refuse_clip.onnx', /clip=3/],
    ['onnx_refuse_peephole.onnx', /peephole weights P .* not zero/],
    ['onnx_refuse_activations.onnx', /activations Sigmoid, Relu, Tanh/],
    ['onnx_refuse_input_forget.onnx', /input_forget=1/],
    ['onnx_refuse_external.onnx', /outside the \.onnx file.*save_as_external_data=False/],
  ])('refuses %s, naming the file, the node and the reason', async (name, reason) => {
    const error = await importOne(name).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(
      new RegExp(`^${name.replace('.', '\\.')}: ONNX LSTM node "lstm": `),
    );
    expect((error as Error).message).toMatch(reason);
  });

  it('refuses bytes that are not a ModelProto, naming the file', async () => {
    const bytes = new TextEncoder().encode('this is not protobuf at all');
    await expect(importModels([{ name: 'x.onnx', bytes }])).rejects.toThrow(
      /^x\.onnx: expected an ONNX model/,
    );
  });
});

describe('real ONNX files (shared/real-models, read in place)', () => {
  it('onnx_lstm2 (tf2onnx): each LSTM node reproduces its reference', async () => {
    const ref = JSON.parse(readFileSync(path.join(realModels, 'refs/onnx_lstm2.json'), 'utf8')) as {
      modules: ({ module: string; xs: number[][] } & LayerRef)[];
    };
    const models = await importModels([fileAt(path.join(realModels, 'files/onnx_lstm2.onnx'))]);
    expect(models.map((m) => m.name)).toEqual(ref.modules.map((m) => m.module));
    for (const [k, module] of ref.modules.entries()) {
      const got = run(models[k]!, module.xs);
      expectClose(got.outputs, module.outputs, `${module.module} outputs`);
      expectClose(got.hT, module.hT, `${module.module} hT`);
      expectClose(got.cT!, module.cT!, `${module.module} cT`);
    }
    // The TimeDistributed Dense (64×5), unrolled into 30 MatMul + Add sharing one kernel.
    const head = models[1]!.head!;
    expect([head.weight.length, head.weight[0]!.length, head.bias.length]).toEqual([5, 64, 5]);
  });

  it('onnx_gru_loop (GRUs lowered to Loop): refused, saying so', async () => {
    await expect(
      importModels([fileAt(path.join(realModels, 'files/onnx_gru_loop.onnx'))]),
    ).rejects.toThrow(
      /^onnx_gru_loop\.onnx: .*no LSTM, GRU or RNN node; its recurrence is a Loop subgraph, which Gatescope cannot map/,
    );
  });
});
