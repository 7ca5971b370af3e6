/**
 * TF.js models built with @tensorflow/tfjs-layers and saved through its own save handler
 * (modelTopology + weight specs + weight data, written out as model.json and one shard
 * named as the converter names them, without extension), read back by the importer and
 * compared with tfjs's own `predict`.
 *
 * Tolerance: tfjs computes in float32 (unit roundoff 6e-8) and the engine in float64
 * from the same float32 weights; over T = 5 steps of dot products of ≤ 12 terms, the
 * float32 rounding stays below ~1e-6 of the values' size. 1e-5·max(1, |ref|) leaves
 * 10× margin and is still 10⁴× below what a gate-order or transpose mistake changes.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createModel, forward } from '../../../src/engine';
import { importModels, type ImportFile } from '../../../src/io/import';
import { setupTfjs } from '../../engine/tfjs-oracle';
import { expectClose } from './support';

const FLOAT32_TOL = 1e-5;
const T = 5;
const I = 3;
const H = 4;

/** Deterministic weights in [−0.8, 0.8) (a small LCG; any values serve). */
function filler(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 2 ** 32 - 0.5) * 1.6;
  };
}

/** Saves `model` as TF.js files: model.json and its one shard, as the user drops them. */
async function saveAsFiles(model: tfl.LayersModel): Promise<ImportFile[]> {
  let files: ImportFile[] = [];
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const json = {
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: ['group1-shard1of1'], weights: artifacts.weightSpecs }],
      };
      const data = artifacts.weightData as ArrayBuffer;
      files = [
        { name: 'model.json', bytes: new TextEncoder().encode(JSON.stringify(json)) },
        { name: 'group1-shard1of1', bytes: new Uint8Array(data) },
      ];
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return files;
}

/** Two stacked recurrent layers and a Dense read-out at every step. */
function build(
  kind: 'lstm' | 'gru',
  recurrentActivation: 'sigmoid' | 'hardSigmoid',
): tfl.Sequential {
  const model = tfl.sequential();
  const options = {
    units: H,
    returnSequences: true,
    recurrentActivation,
    kernelInitializer: 'zeros',
    recurrentInitializer: 'zeros',
  } as const;
  model.add(tfl.layers[kind]({ ...options, inputShape: [T, I] }));
  model.add(tfl.layers.dropout({ rate: 0.3 }));
  model.add(tfl.layers[kind](options));
  model.add(tfl.layers.dense({ units: 2 }));
  const next = filler(kind === 'lstm' ? 7 : 11);
  model.setWeights(
    model.getWeights().map((w) => tf.tensor(Array.from({ length: w.size }, next), w.shape)),
  );
  return model;
}

beforeAll(setupTfjs);

describe('TF.js model.json + shard, against tfjs predict', () => {
  for (const [kind, activation, spec] of [
    ['lstm', 'sigmoid', { recurrentActivation: 'sigmoid' }],
    ['gru', 'hardSigmoid', { convention: 'classic', recurrentActivation: 'hard_sigmoid_keras2' }],
  ] as const) {
    it(`${kind}, recurrent activation ${activation}: one 2-layer model whose read-out matches at every step`, async () => {
      const tfModel = build(kind, activation);
      const files = await saveAsFiles(tfModel);
      const [model, ...rest] = await importModels(files);
      expect(rest).toEqual([]);
      expect(model?.spec).toEqual({
        cell: kind,
        inputSize: I,
        hiddenSize: H,
        numLayers: 2,
        ...spec,
      });
      const next = filler(3);
      const xs = Array.from({ length: T }, () => Array.from({ length: I }, next));
      const want = (tfModel.predict(tf.tensor3d([xs])) as tf.Tensor).arraySync() as number[][][];
      if (!model) return;
      const trace = forward(createModel(model.spec, model.params), xs);
      const head = model.head;
      expect(head?.weight.length).toBe(2);
      const readOut = Array.from({ length: T }, (_, t) =>
        (head?.weight ?? []).map(
          (row, o) =>
            row.reduce(
              (s, w, i) => s + w * ((trace.outputs[t] as ArrayLike<number>)[i] as number),
              0,
            ) + (head?.bias[o] ?? 0),
        ),
      );
      expectClose(readOut, want[0] as number[][], 'read-out', FLOAT32_TOL);
    });
  }

  it('a missing shard is named', async () => {
    const [json] = await saveAsFiles(build('lstm', 'sigmoid'));
    await expect(importModels([json as ImportFile])).rejects.toThrow(
      'model.json: a TF.js model whose weight shards are missing: group1-shard1of1. Drop model.json together with all of its shard files.',
    );
  });

  it('quantized weights are refused, naming the weight and the quantization', async () => {
    const [json, shard] = await saveAsFiles(build('lstm', 'sigmoid'));
    const parsed = JSON.parse(new TextDecoder().decode(json?.bytes));
    parsed.weightsManifest[0].weights[0].quantization = { dtype: 'uint8', scale: 0.01, min: -1 };
    const edited = { name: 'model.json', bytes: new TextEncoder().encode(JSON.stringify(parsed)) };
    await expect(importModels([edited, shard as ImportFile])).rejects.toThrow(
      /model\.json: weight '.*kernel' is quantized \(uint8\)/,
    );
  });

  it('a Bidirectional with merge_mode sum is refused with the reason', async () => {
    const m = tfl.sequential();
    m.add(
      tfl.layers.bidirectional({
        layer: tfl.layers.lstm({ units: H }) as tfl.RNN,
        mergeMode: 'sum',
        inputShape: [T, I],
      }),
    );
    const files = await saveAsFiles(m);
    await expect(importModels(files)).rejects.toThrow(
      /merge_mode 'sum' combines the two directions/,
    );
  });
});
