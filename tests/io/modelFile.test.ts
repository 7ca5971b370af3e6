import { describe, expect, it } from 'vitest';
import {
  createModel,
  forward,
  headForward,
  initHead,
  initParams,
  makeTask,
  toStateDict,
} from '../../src/engine';
import {
  modelFileUrl,
  modelIndexEntry,
  parseModelFile,
  parseModelIndex,
} from '../../src/io/modelFile';
import { drop, edited, get, put, rows, SPEC, validFile } from './modelFixtures';

describe('parseModelFile', () => {
  it('round-trips a file through JSON and builds a model, head and task that run', () => {
    const file = validFile();
    const loaded = parseModelFile(JSON.parse(JSON.stringify(file)));
    expect(loaded.file).toEqual(file);
    expect(loaded.task.name).toBe('remember-first');
    expect(loaded.task.params).toEqual({ length: 5, noise: 1 });
    expect(toStateDict(loaded.model)).toEqual(initParams(SPEC, { seed: 3, forgetBias: 1 }));
    const xs = [[1], [0.2], [-0.4], [0.9], [0]];
    const expected = createModel(SPEC, initParams(SPEC, { seed: 3, forgetBias: 1 }));
    const head = initHead(2, 3, 4);
    expect(headForward(loaded.head, forward(loaded.model, xs).outputs, [4])).toEqual(
      headForward(head, forward(expected, xs).outputs, [4]),
    );
  });

  it('fills in spec defaults and the task parameters left out', () => {
    const loaded = parseModelFile(
      edited((f) => drop(f, ['spec', 'nonlinearity'], ['spec', 'convention'], ['task', 'noise'])),
    );
    expect(loaded.file.spec).toEqual(SPEC);
    expect(loaded.file.task).toEqual({ name: 'remember-first', length: 5, noise: 1 });
  });

  it('keeps the optional training time', () => {
    const loaded = parseModelFile(edited((f) => put(f, ['training', 'seconds'], 4.5)));
    expect(loaded.file.training.seconds).toBe(4.5);
    expect(parseModelFile(validFile()).file.training).not.toHaveProperty('seconds');
  });

  it.each<[string, unknown, RegExp]>([
    ['an array', [], /^This file is not a Gatescope model \(it is an array, not an object\)\.$/],
    ['null', null, /^This file is not a Gatescope model \(it is null/],
    [
      'a wrong format',
      edited((f) => put(f, ['format'], 'gatescope-model/2')),
      /^This file is not a Gatescope model \(format "gatescope-model\/2"; expected "gatescope-model\/1"\)\.$/,
    ],
    [
      'no format',
      edited((f) => drop(f, ['format'])),
      /^This file is not a Gatescope model \(no format; expected "gatescope-model\/1"\)\.$/,
    ],
  ])('rejects %s as not a Gatescope model', (_, json, message) => {
    expect(() => parseModelFile(json)).toThrow(message);
  });

  it.each<[string, (f: unknown) => void, RegExp]>([
    [
      'a bad id',
      (f) => put(f, ['id'], 'Remember First'),
      /^Model file: "id" is "Remember First"; an id is lowercase/,
    ],
    ['a missing id', (f) => drop(f, ['id']), /^Model file: "id" is missing;/],
    [
      'an empty title',
      (f) => put(f, ['title'], ' '),
      /^Model "remember-first-5-lstm": "title" must be a non-empty text\.$/,
    ],
    [
      'an id that is not the task, length and cell',
      (f) => put(f, ['id'], 'remember-first-50-lstm'),
      /the id must start with "remember-first-5-lstm" \(task, sequence length, cell\); got "remember-first-50-lstm"\.$/,
    ],
    [
      'a bad spec',
      (f) => put(f, ['spec', 'cell'], 'transformer'),
      /ModelSpec\.cell: expected 'rnn', 'lstm' or 'gru', got "transformer"/,
    ],
    [
      'a missing parameter',
      (f) => drop(f, ['params', 'weight_hh_l0']),
      /^Model "remember-first-5-lstm": missing parameter "weight_hh_l0" \(expected shape \[12\]\[3\]\)\.$/,
    ],
    [
      'a parameter of the wrong shape',
      (f) => put(f, ['params', 'weight_hh_l0'], rows(f, ['params', 'weight_hh_l0']).slice(0, 8)),
      /^Model "remember-first-5-lstm": parameter "weight_hh_l0" has 8 entries; expected shape \[12\]\[3\]\.$/,
    ],
    [
      'a row of the wrong length',
      (f) => rows(f, ['params', 'weight_ih_l0'])[2]!.push(0.5),
      /parameter "weight_ih_l0"\[2\] \(row 2\) has 2 entries; expected 1 numbers \(shape \[12\]\[1\]\)/,
    ],
    [
      'a NaN (written by JSON as null)',
      (f) => put(f, ['params', 'bias_hh_l0', 4], null),
      /parameter "bias_hh_l0"\[4\] is null; every entry must be a finite number \(shape \[12\]\)/,
    ],
    [
      'a number written as text',
      (f) => put(f, ['params', 'weight_hh_l0', 0, 1], '0.5'),
      /parameter "weight_hh_l0"\[0\]\[1\] \(row 0\) is string; every entry must be a finite number/,
    ],
    [
      'an unknown parameter',
      (f) => put(f, ['params', 'weight_ih_l1'], [[0]]),
      /unknown parameter "weight_ih_l1" for a 1-layer lstm/,
    ],
    [
      'no head',
      (f) => drop(f, ['params', 'head.weight'], ['params', 'head.bias']),
      /missing parameters "head\.weight" \[2\]\[3\] and "head\.bias" \[2\] \(the read-out\)\.$/,
    ],
    ['half a head', (f) => drop(f, ['params', 'head.bias']), /missing parameter head\.bias \[O\]/],
    [
      'a head with more outputs than the task',
      (f) => {
        rows(f, ['params', 'head.weight']).push([0, 0, 0]);
        (get(f, ['params', 'head.bias']) as number[]).push(0);
      },
      /parameter "head\.weight" has 3 rows, but task "remember-first" has 2 outputs \(expected shape \[2\]\[3\]\)\.$/,
    ],
    [
      'a head that reads another hidden size',
      (f) =>
        put(
          f,
          ['params', 'head.weight'],
          [
            [1, 2],
            [3, 4],
          ],
        ),
      /parameter "head\.weight" has 2 columns, but the model has hiddenSize 3 \(expected shape \[2\]\[3\]\)\.$/,
    ],
    [
      "a model whose input size is not the task's",
      (f) => {
        put(f, ['spec', 'inputSize'], 2);
        for (const row of rows(f, ['params', 'weight_ih_l0'])) row.push(0);
      },
      /spec\.inputSize is 2, but task "remember-first" has 1 input features\.$/,
    ],
    [
      'an unknown task',
      (f) => put(f, ['task', 'name'], 'copy'),
      /^Model "remember-first-5-lstm": unknown task "copy" in "task\.name" \(tasks: remember-first, adding, sine-next, next-char, parity, numbers\)\.$/,
    ],
    [
      'a task parameter out of range',
      (f) => put(f, ['task', 'length'], 500),
      /Task 'remember-first': parameter 'length' \(sequence length T\) must be an integer in \[5, 100\], got 500/,
    ],
    [
      'an unknown task parameter',
      (f) => put(f, ['task', 'period'], 3),
      /Task 'remember-first': unknown parameter 'period'/,
    ],
    [
      'a task parameter written as text',
      (f) => put(f, ['task', 'length'], '5'),
      /task parameter "length" is "5"; expected a number\.$/,
    ],
    ['no metrics', (f) => drop(f, ['metrics']), /"metrics" is missing; expected an object\.$/],
    [
      'an accuracy above 1',
      (f) => put(f, ['metrics', 'accuracy'], 1.5),
      /metrics: "accuracy" must be a number in \[0, 1\], got 1\.5\.$/,
    ],
    [
      'a fractional sample count',
      (f) => put(f, ['metrics', 'samples'], 10.5),
      /metrics: "samples" must be a whole number ≥ 1/,
    ],
    [
      'an empty curve',
      (f) => put(f, ['curve'], []),
      /"curve" is an array; expected the training loss per epoch, a non-empty array\.$/,
    ],
    [
      'a curve with a NaN',
      (f) => put(f, ['curve', 1], null),
      /curve\[1\] is null; every loss must be a finite number\.$/,
    ],
    [
      'no training record',
      (f) => drop(f, ['training']),
      /"training" is missing; expected an object\.$/,
    ],
    [
      'an unknown init scheme',
      (f) => put(f, ['training', 'init', 'scheme'], 'he'),
      /training: "init\.scheme" must be "pytorch", "xavier" or "orthogonal", got "he"\.$/,
    ],
    [
      'a zero learning rate',
      (f) => put(f, ['training', 'learningRate'], 0),
      /training: "learningRate" must be a number > 0, got 0\.$/,
    ],
  ])('rejects %s', (_, change, message) => {
    expect(() => parseModelFile(edited(change))).toThrow(message);
  });

  it('never mentions the engine function that found the problem', () => {
    expect(() => parseModelFile(edited((f) => drop(f, ['params', 'bias_ih_l0'])))).toThrow(
      /^Model "remember-first-5-lstm": missing parameter "bias_ih_l0"/,
    );
  });

  it('copies the parameters: changing the JSON afterwards changes nothing', () => {
    const json = edited(() => undefined);
    const loaded = parseModelFile(json);
    put(json, ['params', 'weight_hh_l0', 0, 0], 99);
    put(json, ['params', 'head.bias', 0], 99);
    expect(loaded.file.params.weight_hh_l0).toEqual(validFile().params.weight_hh_l0);
    expect(loaded.file.params['head.bias']).toEqual(validFile().params['head.bias']);
  });
});

describe('modelFileUrl', () => {
  it('is models/<id>.json under the base', () => {
    expect(modelFileUrl('remember-first-50-lstm')).toBe('models/remember-first-50-lstm.json');
    expect(modelFileUrl('next-char-40-lstm-2layer', './')).toBe(
      './models/next-char-40-lstm-2layer.json',
    );
    expect(modelFileUrl('parity-20-gru', '/gatescope/')).toBe(
      '/gatescope/models/parity-20-gru.json',
    );
  });

  it.each([
    '',
    '../index',
    'Parity-20-gru',
    'parity--20',
    '-parity',
    'parity-',
    'a b',
    'x.json',
    'a/b',
  ])('rejects the id %j', (id) => {
    expect(() => modelFileUrl(id)).toThrow(
      /^Not a model id: .*; an id is lowercase letters and digits/,
    );
  });
});

describe('parseModelIndex', () => {
  const entry = modelIndexEntry(validFile());

  it('reads the entries a model file makes', () => {
    expect(entry).toEqual({
      id: 'remember-first-5-lstm',
      title: 'LSTM remembering the first input, T = 5',
      task: 'remember-first',
      length: 5,
      cell: 'lstm',
      hiddenSize: 3,
      numLayers: 1,
      accuracy: 0.75,
      chance: 0.5,
    });
    const other = { ...entry, id: 'remember-first-5-gru', cell: 'gru' };
    expect(parseModelIndex(JSON.parse(JSON.stringify([entry, other])))).toEqual([entry, other]);
    expect(parseModelIndex([])).toEqual([]);
  });

  it.each<[string, unknown, RegExp]>([
    ['an object', { models: [] }, /^The model index is an object; expected an array of models\.$/],
    [
      'an entry that is not an object',
      [entry, 'x'],
      /^Model index, entry 2: it is a string, not an object\.$/,
    ],
    [
      'a duplicate id',
      [entry, entry],
      /^Model index, entry 2: the id "remember-first-5-lstm" is listed twice\.$/,
    ],
    [
      'a bad id',
      [{ ...entry, id: '../x' }],
      /^Model index, entry 1: "id" is "\.\.\/x"; an id is lowercase/,
    ],
    ['an unknown task', [{ ...entry, task: 'copy' }], /^Model index, entry 1: unknown task "copy"/],
    [
      'an unknown cell',
      [{ ...entry, cell: 'mlp' }],
      /"cell" must be "rnn", "lstm" or "gru", got "mlp"\.$/,
    ],
    [
      'too many layers',
      [{ ...entry, numLayers: 9 }],
      /"numLayers" must be a whole number from 1 to 3, got 9\.$/,
    ],
    [
      'a missing accuracy',
      [{ ...entry, accuracy: undefined }],
      /"accuracy" must be a number in \[0, 1\], got missing\.$/,
    ],
  ])('rejects %s', (_, json, message) => {
    expect(() => parseModelIndex(json)).toThrow(message);
  });
});

it('a task made from a file record is the task the file names', () => {
  const loaded = parseModelFile(validFile());
  expect(loaded.task.params).toEqual(makeTask('remember-first', { length: 5 }).params);
});
