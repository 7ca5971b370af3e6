import { describe, expect, it } from 'vitest';
import {
  createModel,
  forward,
  initHead,
  splitStateDict,
  toStateDict,
  type ModelSpec,
} from '../../../src/engine';
import { weightsJson } from '../../../src/io/export';
import { oneHot, runOn } from './support';

const SPECS: Omit<ModelSpec, 'inputSize'>[] = [
  { cell: 'lstm', hiddenSize: 8, numLayers: 1 },
  { cell: 'lstm', hiddenSize: 3, numLayers: 3 },
  { cell: 'gru', hiddenSize: 5, numLayers: 2, convention: 'classic' },
  { cell: 'rnn', hiddenSize: 2, numLayers: 2, nonlinearity: 'relu' },
];

describe('weightsJson', () => {
  it.each(SPECS)('round-trips $cell ($numLayers layers) through createModel', (spec) => {
    const { model, trace } = runOn('hello world', spec, 7);
    const json = weightsJson(model);
    const parsed = JSON.parse(json) as Record<string, number[] | number[][]>;
    expect(parsed).toEqual(toStateDict(model));
    const back = createModel(model.spec, parsed);
    expect(toStateDict(back)).toEqual(toStateDict(model));
    expect(forward(back, oneHot('hello world')).outputs).toEqual(trace.outputs);
  });

  it('is a plain object of PyTorch names, one matrix row per line', () => {
    const { model } = runOn('ab', { cell: 'lstm', hiddenSize: 2, numLayers: 1 });
    const json = weightsJson(model);
    expect(Object.keys(JSON.parse(json) as object)).toEqual([
      'weight_ih_l0',
      'weight_hh_l0',
      'bias_ih_l0',
      'bias_hh_l0',
    ]);
    // 4 gates × 2 units = 8 rows in each weight matrix, each on its own line.
    expect(json.split('\n').filter((line) => /^ {4}\[/.test(line))).toHaveLength(16);
  });

  it('carries a trained model’s read-out as head.weight and head.bias, as its file does', () => {
    const { model } = runOn('ab', { cell: 'gru', hiddenSize: 3, numLayers: 1 });
    const head = initHead(2, 3, 5); // 2 outputs read from 3 units
    const parsed = JSON.parse(weightsJson(model, head)) as Record<string, number[] | number[][]>;
    expect(Object.keys(parsed).slice(-2)).toEqual(['head.weight', 'head.bias']);
    expect(parsed['head.weight']).toEqual([
      Array.from(head.weight.slice(0, 3)),
      Array.from(head.weight.slice(3, 6)),
    ]);
    expect(parsed['head.bias']).toEqual(Array.from(head.bias));
    const { rnn, head: back } = splitStateDict(parsed);
    expect(rnn).toEqual(toStateDict(model));
    expect(Array.from(back!.weight)).toEqual(Array.from(head.weight));
  });
});
