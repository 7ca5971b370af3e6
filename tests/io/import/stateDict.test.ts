/**
 * The state dict → models mapping on hand-made tensor dicts: what it refuses and how it
 * says so, bias-free modules, and how it chooses among heads that all fit the shapes.
 */
import { describe, expect, it } from 'vitest';
import { modelsFromStateDict, type NamedTensor } from '../../../src/io/import/stateDict';
import { findStateDict } from '../../../src/io/import/pytorch/modules';
import type { PyValue } from '../../../src/io/import/pytorch/pickle';

/** A tensor of the given shape whose values are 0, 1, 2, … (row-major). */
const tensor = (name: string, ...shape: number[]): NamedTensor => ({
  name,
  shape,
  values: () => Float64Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, k) => k),
});

const ctx = { file: 'm.pt', format: 'PyTorch state dict' };

describe('modelsFromStateDict', () => {
  it('no recurrent layer: names the file and lists the keys', () => {
    const keys = ['embed.weight', 'conv1.weight', 'conv1.bias'];
    expect(() =>
      modelsFromStateDict(
        keys.map((k) => tensor(k, 2, 2)),
        ctx,
      ),
    ).toThrow(
      'm.pt: a PyTorch state dict file, but no recurrent layer in it (no <module>.weight_ih_l0 tensor); keys: embed.weight, conv1.weight, conv1.bias.',
    );
  });

  it('rows that are not H, 3H or 4H: refused with the shapes', () => {
    const tensors = [tensor('rnn.weight_ih_l0', 10, 3), tensor('rnn.weight_hh_l0', 10, 5)];
    expect(() => modelsFromStateDict(tensors, ctx)).toThrow(
      "m.pt: recurrent module 'rnn': weight_ih_l0 has 10 rows for a hidden size of 5; expected H (RNN), 3H (GRU) or 4H (LSTM).",
    );
  });

  it('a wrong shape in a later layer names the tensor and the expected shape', () => {
    const tensors = [
      tensor('gru.weight_ih_l0', 6, 3),
      tensor('gru.weight_hh_l0', 6, 2),
      tensor('gru.weight_ih_l1', 6, 3),
      tensor('gru.weight_hh_l1', 6, 2),
    ];
    expect(() => modelsFromStateDict(tensors, ctx)).toThrow(
      "m.pt: recurrent module 'gru': weight_ih_l1 has shape [6, 3]; expected [6, 2].",
    );
  });

  it('bias=False: zero biases, said in the notes; the values are the file’s, row by row', () => {
    const [m] = modelsFromStateDict(
      [tensor('lstm.weight_ih_l0', 8, 1), tensor('lstm.weight_hh_l0', 8, 2)],
      ctx,
    );
    expect(m!.spec).toEqual({ cell: 'lstm', inputSize: 1, hiddenSize: 2, numLayers: 1 });
    expect(m!.params.bias_ih_l0).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(m!.params.weight_hh_l0).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
      [6, 7],
      [8, 9],
      [10, 11],
      [12, 13],
      [14, 15],
    ]);
    expect(m!.notes).toContain('bias=False: the biases are zeros.');
  });

  it('several heads fit: prefers the named one after the module, and says which it chose', () => {
    const [m] = modelsFromStateDict(
      [
        tensor('rnn.weight_ih_l0', 4, 2),
        tensor('rnn.weight_hh_l0', 4, 4),
        tensor('rnn.bias_ih_l0', 4),
        tensor('rnn.bias_hh_l0', 4),
        tensor('aux.weight', 7, 4),
        tensor('classifier.weight', 3, 4),
        tensor('classifier.bias', 3),
      ],
      ctx,
    );
    expect(m!.head!.weight).toHaveLength(3);
    expect(m!.head!.bias).toEqual([0, 1, 2]);
    expect(m!.notes.join(' ')).toMatch(
      /Read-out 'classifier' \(4 → 3\) \(chosen among 'classifier', 'aux'/,
    );
  });
});

describe('findStateDict', () => {
  const t = { kind: 'tensor' } as unknown as PyValue;

  it('a checkpoint: the recurrent state dict beside optimizer state, a token → index vocabulary', () => {
    const model = new Map<PyValue, PyValue>([['lstm.weight_ih_l0', t]]);
    const optimizer = new Map<PyValue, PyValue>([['state', new Map()]]);
    const stoi = new Map<PyValue, PyValue>([
      ['b', 1],
      ['a', 0],
      ['c', 2],
    ]);
    const root = new Map<PyValue, PyValue>([
      ['optimizer', optimizer],
      ['net', model],
      ['stoi', stoi],
    ]);
    const found = findStateDict(root)!;
    expect(found.where).toBe(" under 'net'");
    expect(found.tensors.map(([k]) => k)).toEqual(['lstm.weight_ih_l0']);
    expect(found.vocabulary).toEqual(['a', 'b', 'c']);
  });
});
