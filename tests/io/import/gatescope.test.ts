import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createModel,
  forward,
  headForward,
  headToStateDict,
  initHead,
  initParams,
  type ModelSpec,
} from '../../../src/engine';
import { weightsJson } from '../../../src/io/export/weights';
import { importModels, ImportError } from '../../../src/io/import';
import { applyHead, expectClose, repoRoot, run } from './support';

const jsonFile = (name: string, text: string) => ({
  name,
  bytes: new TextEncoder().encode(text),
});
const importJson = (name: string, value: unknown) =>
  importModels([jsonFile(name, typeof value === 'string' ? value : JSON.stringify(value))]);

/** A fixed input [T][I]. */
const inputs = (T: number, I: number) =>
  Array.from({ length: T }, (_, t) => Array.from({ length: I }, (_, i) => Math.sin(1.3 * t + i)));

describe('Gatescope model files (gatescope-model/1, as npm run train-models writes them)', () => {
  it.each(['adding-20-gru', 'remember-first-50-lstm', 'parity-20-gru'])(
    '%s imports: its spec, recurrent parameters and head, and runs',
    async (id) => {
      const text = readFileSync(path.join(repoRoot, 'public/models', `${id}.json`), 'utf8');
      const file = JSON.parse(text) as {
        spec: ModelSpec;
        params: Record<string, number[][] | number[]>;
      };
      const [model] = await importJson(`${id}.json`, text);
      expect(model!.name).toBe(id);
      expect(model!.format).toContain('gatescope-model/1');
      expect(model!.spec).toMatchObject(file.spec);
      const { 'head.weight': weight, 'head.bias': bias, ...rnn } = file.params;
      expect(model!.params).toEqual(rnn);
      expect(model!.head).toEqual({ weight, bias });
      const xs = inputs(5, file.spec.inputSize);
      const reference = forward(createModel(file.spec, rnn), xs).outputs.map((r) => Array.from(r));
      expectClose(run(model!, xs).outputs, reference, 'outputs', 0);
    },
  );

  it('refuses a model file that parseModelFile refuses, naming the file and what is wrong', async () => {
    const text = readFileSync(path.join(repoRoot, 'public/models/adding-20-gru.json'), 'utf8');
    const json = JSON.parse(text) as { format: string; spec: { hiddenSize: number } };
    await expect(importJson('m.json', { ...json, format: 'gatescope-model/9' })).rejects.toThrow(
      /^m\.json: .*format "gatescope-model\/9".*expected "gatescope-model\/1"/,
    );
    json.spec.hiddenSize = 7;
    await expect(importJson('m.json', json)).rejects.toThrow(/^m\.json: /);
  });
});

describe('Export-weights JSON (PyTorch names)', () => {
  const cases: [string, ModelSpec][] = [
    ['2-layer LSTM', { cell: 'lstm', inputSize: 3, hiddenSize: 5, numLayers: 2 }],
    ['GRU', { cell: 'gru', inputSize: 2, hiddenSize: 4, numLayers: 1 }],
    ['3-layer RNN', { cell: 'rnn', inputSize: 1, hiddenSize: 6, numLayers: 3 }],
  ];
  it.each(cases)('a %s with a head round-trips: the same outputs and read-out', async (_, spec) => {
    const original = createModel(spec, initParams(spec, { seed: 7, weightScale: 1.5 }));
    const head = initHead(3, spec.hiddenSize, 9);
    const [model] = await importJson('my weights.json', weightsJson(original, head));
    expect(model!.name).toBe('my weights');
    expect(model!.spec).toMatchObject(spec);
    expect(model!.head).toEqual({
      weight: headToStateDict(head)['head.weight'],
      bias: headToStateDict(head)['head.bias'],
    });
    const xs = inputs(6, spec.inputSize);
    const want = forward(original, xs);
    const got = run(model!, xs);
    expectClose(
      got.outputs,
      want.outputs.map((r) => Array.from(r)),
      'outputs',
      0,
    );
    expectClose(
      applyHead(model!.head!, got.outputs),
      headForward(
        head,
        want.outputs,
        xs.map((_, t) => t),
      ).map((r) => Array.from(r)),
      'read-out',
      1e-12,
    );
  });

  it('says what it assumed: an RNN’s nonlinearity, a GRU’s convention; an LSTM assumes nothing', async () => {
    const assumed = async (spec: ModelSpec) =>
      (await importJson('w.json', weightsJson(createModel(spec))))[0]!.assumed;
    expect(await assumed({ cell: 'rnn', inputSize: 1, hiddenSize: 2, numLayers: 1 })).toEqual([
      'nonlinearity',
    ]);
    expect(await assumed({ cell: 'gru', inputSize: 1, hiddenSize: 2, numLayers: 1 })).toEqual([
      'convention',
    ]);
    expect(await assumed({ cell: 'lstm', inputSize: 1, hiddenSize: 2, numLayers: 1 })).toEqual([]);
  });

  it('takes the cell from the row count, not from a name', async () => {
    const gru = createModel({ cell: 'gru', inputSize: 2, hiddenSize: 3, numLayers: 1 });
    const [model] = await importJson('lstm.json', weightsJson(gru));
    expect(model!.spec.cell).toBe('gru');
  });

  const weights = JSON.parse(
    weightsJson(createModel({ cell: 'lstm', inputSize: 2, hiddenSize: 3, numLayers: 2 })),
  ) as Record<string, unknown>;
  it.each([
    [
      'an unknown key',
      { ...weights, 'fc.weight': [[1]] },
      /keys? Gatescope does not know: "fc\.weight"/,
    ],
    ['a missing tensor', { ...weights, bias_hh_l1: undefined }, /no "bias_hh_l1"/],
    [
      'a wrong shape',
      { ...weights, weight_ih_l1: [[1, 2]] },
      /"weight_ih_l1" is \[1\]\[2\]; expected \[12\]\[3\]/,
    ],
    [
      'a non-finite number',
      { ...weights, bias_ih_l0: [1, 'x'] },
      /"bias_ih_l0" is not an array of finite numbers/,
    ],
    [
      'rows that are not 1, 3 or 4 H',
      {
        ...weights,
        weight_hh_l0: [
          [1, 2, 3],
          [4, 5, 6],
        ],
      },
      /weight_hh_l0 is \[2\]\[3\]/,
    ],
    [
      'a head that does not read H',
      { ...weights, 'head.weight': [[1, 2]], 'head.bias': [0] },
      /the head is weight \[1\]\[2\]/,
    ],
    [
      'a hundred layers',
      { ...weights, weight_ih_l99: [[1]] },
      /100 layers; Gatescope runs up to 64/,
    ],
  ])('refuses %s, naming the tensor', async (_, dict, message) => {
    const error = await importJson('w.json', dict).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(/^w\.json: /);
    expect((error as Error).message).toMatch(message);
  });

  it.each([
    ['not JSON', '{"weight_ih_l0": [[1, 2]', /^w\.json: expected JSON .* does not parse/],
    ['a JSON list', '[1, 2, 3]', /^w\.json: JSON, but neither .*; it is an array/],
    ['other JSON', '{"hello": 1}', /^w\.json: JSON, but neither .*; keys: "hello"/],
  ])('refuses %s', async (_, text, message) => {
    await expect(importJson('w.json', text)).rejects.toThrow(message);
  });
});
