/**
 * The engine's limits and refusals (issue 13): sizes beyond MAX_HIDDEN_SIZE, MAX_INPUT_SIZE,
 * MAX_LAYERS, MAX_PARAMETERS, MAX_STEPS and MAX_TRACE_VALUES are refused at once with an
 * EngineInputError that names the field and the limit, before anything is allocated;
 * the largest legal models still build and run. Calls that used to answer silently
 * (seed-0 weights for `null` params, seed 0 for `Random(NaN)`, NaN from softmax, −1 from
 * argmax) now answer with a defined value or a named error.
 */
import { describe, expect, it } from 'vitest';
import {
  Adam,
  argmax,
  backward,
  clipGradNorm,
  createModel,
  EngineInputError,
  encodeText,
  evaluate,
  forward,
  headForward,
  headToStateDict,
  initHead,
  isCorrect,
  lossAndGradients,
  initParams,
  jacobianNorms,
  makeTask,
  MAX_HIDDEN_SIZE,
  MAX_INPUT_SIZE,
  MAX_LAYERS,
  MAX_OUTPUT_SIZE,
  MAX_PARAMETERS,
  MAX_STEPS,
  MAX_TRACE_VALUES,
  mseLoss,
  normalizeText,
  paramLayout,
  parameterCount,
  parameterShapes,
  Random,
  softmax,
  splitStateDict,
  stateDictViews,
  toStateDict,
  traceFromPayload,
  train,
  type ModelSpec,
  type StateDict,
  type StateDictLike,
} from '../../src/engine';

/**
 * Runs `fn`, which must throw an EngineInputError whose message contains every `words`
 * entry (strings literally, numbers as written), within `ms` milliseconds.
 */
function expectRefusal(fn: () => unknown, words: (string | number)[], ms = 2000): string {
  const start = performance.now();
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  const elapsed = performance.now() - start;
  expect(caught, 'expected an EngineInputError').toBeInstanceOf(EngineInputError);
  const error = caught as EngineInputError;
  expect(error.name).toBe('EngineInputError');
  for (const word of words) expect(error.message).toContain(String(word));
  expect(elapsed, 'refused without doing the work first').toBeLessThan(ms);
  return error.message;
}

/** A model's parameters, all zero, as row views of one buffer per parameter (no copies). */
function zeroParams(spec: ModelSpec): StateDictLike {
  const dict: Record<string, Float64Array | Float64Array[]> = {};
  for (const { name, rows, cols } of parameterShapes(spec)) {
    const buffer = new Float64Array(rows * (cols ?? 1));
    dict[name] =
      cols === undefined
        ? buffer
        : Array.from({ length: rows }, (_, r) => buffer.subarray(r * cols, (r + 1) * cols));
  }
  return dict;
}

const small = { cell: 'lstm', inputSize: 2, hiddenSize: 3, numLayers: 1 } as const;

describe('size limits: refused at once, naming the field and the limit', () => {
  it('createModel and initParams refuse hiddenSize 10 000 and 100 000 (once 3.5 min to run out of memory, and a raw RangeError)', () => {
    for (const hiddenSize of [MAX_HIDDEN_SIZE + 1, 10_000, 100_000]) {
      const spec = { ...small, hiddenSize };
      expectRefusal(
        () => createModel(spec),
        ['hiddenSize', hiddenSize, MAX_HIDDEN_SIZE, 'MAX_HIDDEN_SIZE'],
      );
      expectRefusal(() => initParams(spec, { seed: 0 }), ['hiddenSize', 'MAX_HIDDEN_SIZE']);
      expectRefusal(() => parameterCount(spec), ['hiddenSize', 'MAX_HIDDEN_SIZE']);
    }
  });

  it('refuses inputSize and numLayers beyond their limits, and non-integer or non-number sizes', () => {
    expectRefusal(
      () => createModel({ ...small, inputSize: MAX_INPUT_SIZE + 1 }),
      ['inputSize', MAX_INPUT_SIZE + 1, MAX_INPUT_SIZE, 'MAX_INPUT_SIZE'],
    );
    expectRefusal(
      () => createModel({ ...small, hiddenSize: 1, numLayers: MAX_LAYERS + 1 }),
      ['numLayers', MAX_LAYERS + 1, MAX_LAYERS, 'MAX_LAYERS'],
    );
    for (const bad of [NaN, Infinity, 2.5, -3, '8']) {
      const spec = { ...small, hiddenSize: bad } as unknown as ModelSpec;
      expectRefusal(() => createModel(spec), ['hiddenSize', String(bad)]);
    }
  });

  it('refuses a model whose sizes are each legal but whose parameters exceed MAX_PARAMETERS', () => {
    // RNN, H = 1024, I = 1024: 1024 · (1024 + 1024 + 2) = 2 099 200 per layer; 13 layers.
    const spec = { cell: 'rnn', inputSize: 1024, hiddenSize: 1024, numLayers: 13 } as const;
    const count = 13 * 1024 * (1024 + 1024 + 2);
    expect(count).toBeGreaterThan(MAX_PARAMETERS);
    expectRefusal(() => createModel(spec), [count, MAX_PARAMETERS, 'MAX_PARAMETERS']);
    expectRefusal(() => initParams(spec, { seed: 1 }), ['MAX_PARAMETERS']);
    expectRefusal(() => parameterShapes(spec), ['MAX_PARAMETERS']);
  });

  it('admits every model a 100 MiB float32 file can hold, such as a 3-layer bidirectional LSTM of 512 units', () => {
    // A file at the importer's cap holds 100 · 2²⁰ / 4 float32 scalars: none may be refused here.
    expect(MAX_PARAMETERS).toBeGreaterThanOrEqual((100 * 2 ** 20) / 4);
    const spec = {
      cell: 'lstm',
      inputSize: 300,
      hiddenSize: 512,
      numLayers: 3,
      bidirectional: true,
    } as const;
    // Per direction: 4·512·(300 + 512 + 2) for layer 0, 4·512·(1024 + 512 + 2) above it.
    const count = 2 * (4 * 512 * (300 + 512 + 2) + 2 * 4 * 512 * (1024 + 512 + 2));
    expect(parameterCount(spec)).toBe(count);
    expect(() => parameterShapes(spec)).not.toThrow();
  });

  it('parameterShapes checks its spec instead of looping over a billion layers', () => {
    const spec = { ...small, numLayers: 1e9 };
    expectRefusal(() => parameterShapes(spec), ['numLayers', 'MAX_LAYERS'], 500);
  });
});

describe('legal extremes still work, quickly', () => {
  it('builds and runs the widest model (hiddenSize = MAX_HIDDEN_SIZE)', () => {
    const spec = { cell: 'rnn', inputSize: 1, hiddenSize: MAX_HIDDEN_SIZE, numLayers: 1 } as const;
    const model = createModel(spec, initParams(spec, { seed: 4 }));
    const trace = forward(model, [[1], [-1]]);
    expect(trace.outputs.length).toBe(2);
    expect(trace.outputs[1]!.length).toBe(MAX_HIDDEN_SIZE);
    // tanh keeps every unit in (−1, 1).
    expect(Array.from(trace.outputs[1]!).every((h) => Math.abs(h) < 1)).toBe(true);
  });

  it('builds and runs the deepest model and the widest input', () => {
    const deep = { cell: 'gru', inputSize: 1, hiddenSize: 2, numLayers: MAX_LAYERS } as const;
    const model = createModel(deep, initParams(deep, { seed: 2 }));
    expect(forward(model, [[0.5]]).hT.length).toBe(MAX_LAYERS);
    const wide = { cell: 'lstm', inputSize: MAX_INPUT_SIZE, hiddenSize: 1, numLayers: 1 } as const;
    const xs = [Array.from({ length: MAX_INPUT_SIZE }, () => 0)];
    // All-zero input and weights: every gate is σ(0) = ½, g = tanh(0) = 0, so c = h = 0.
    const trace = forward(createModel(wide, zeroParams(wide)), xs);
    expect(Array.from(trace.layers[0]!.gates.i![0]!)).toEqual([0.5]);
    expect(Array.from(trace.outputs[0]!)).toEqual([0]);
  });

  it('builds a model just under MAX_PARAMETERS (8.4 M) from typed-array rows, quickly', () => {
    const spec = { cell: 'rnn', inputSize: 1024, hiddenSize: 1024, numLayers: 4 } as const;
    const count = parameterCount(spec);
    expect(count).toBe(4 * 1024 * (1024 + 1024 + 2));
    expect(count).toBeLessThanOrEqual(MAX_PARAMETERS);
    const params = zeroParams(spec);
    const start = performance.now();
    const model = createModel(spec, params);
    expect(performance.now() - start).toBeLessThan(5000);
    expect(model.layers.length).toBe(4);
    expect(model.layers[3]!.W_hh.length).toBe(1024 * 1024);
  });

  it('runs T = MAX_STEPS steps, and the last output is tanh of the last input', () => {
    // h_t = tanh(1 · x_t + 0 · h_{t−1}): each output depends on its own step only.
    const spec = { cell: 'rnn', inputSize: 1, hiddenSize: 1, numLayers: 1 } as const;
    const model = createModel(spec, {
      weight_ih_l0: [[1]],
      weight_hh_l0: [[0]],
      bias_ih_l0: [0],
      bias_hh_l0: [0],
    });
    const xs = Array.from({ length: MAX_STEPS }, (_, t) => [t === MAX_STEPS - 1 ? 0.5 : 0]);
    const trace = forward(model, xs);
    expect(trace.T).toBe(MAX_STEPS);
    expect(trace.outputs[MAX_STEPS - 1]![0]).toBe(Math.tanh(0.5));
  });
});

describe('forward: sequence limits', () => {
  const tiny = createModel({ cell: 'rnn', inputSize: 1, hiddenSize: 1, numLayers: 1 }, undefined);

  it('refuses T = MAX_STEPS + 1 (T = 10⁷ once ran 91 s)', () => {
    const xs = Array.from({ length: MAX_STEPS + 1 }, () => [0]);
    expectRefusal(() => forward(tiny, xs), ['forward', MAX_STEPS + 1, MAX_STEPS, 'MAX_STEPS'], 500);
  });

  it('refuses a trace of more than MAX_TRACE_VALUES gate values, saying the longest T it allows', () => {
    // LSTM, H = 1024: 4 · 1024 = 4096 gate values per step.
    const spec = { cell: 'lstm', inputSize: 1, hiddenSize: 1024, numLayers: 1 } as const;
    const model = createModel(spec, zeroParams(spec));
    const longest = Math.floor(MAX_TRACE_VALUES / 4096);
    const xs = Array.from({ length: longest + 1 }, () => [0]);
    expectRefusal(
      () => forward(model, xs),
      [MAX_TRACE_VALUES, 'MAX_TRACE_VALUES', `at most ${longest} steps`],
      500,
    );
  });

  it('refuses a model that createModel did not make, and a foreign trace, by name', () => {
    expectRefusal(() => forward(null as never, [[0]]), ['forward', 'createModel']);
    expectRefusal(() => forward({ spec: small } as never, [[0, 0]]), ['forward', 'createModel']);
    expectRefusal(() => toStateDict(undefined as never), ['toStateDict']);
    expectRefusal(() => stateDictViews(5 as never), ['stateDictViews']);
    const fake = { T: 1, outputs: [[0]], hT: [[0]], layers: [] };
    expectRefusal(() => backward(tiny, fake as never, [[0]]), ['forward()']);
    expectRefusal(() => jacobianNorms(tiny, null as never), ['forward()']);
    expectRefusal(() => traceFromPayload(tiny, null as never), ['traceFromPayload', 'payload']);
  });
});

describe('parameters and seeds', () => {
  it('createModel(spec, null) is refused instead of building seed-0 weights', () => {
    expectRefusal(() => createModel(small, null as never), ['createModel', 'params', 'null']);
    expectRefusal(() => createModel(small, 7 as never), ['createModel', 'number']);
    expectRefusal(() => createModel(small, [] as never), ['createModel', 'array']);
  });

  it('new Random refuses NaN, infinite, fractional, negative and too-large seeds', () => {
    for (const seed of [NaN, Infinity, -Infinity, 0.5, -1, 2 ** 32, '3']) {
      expectRefusal(() => new Random(seed as number), ['Random', 'seed', '4294967295']);
    }
  });

  it('new Random accepts both ends of [0, 2³²) and gives them different sequences', () => {
    const first = new Random(0).nextUint32();
    const last = new Random(2 ** 32 - 1).nextUint32();
    expect(first).not.toBe(last);
  });

  it('initParams refuses missing options by name', () => {
    expectRefusal(() => initParams(small, null as never), ['initParams', 'seed']);
  });
});

describe('softmax and argmax', () => {
  it('softmax gives +Infinity logits the whole mass, shared evenly', () => {
    expect(softmax([Infinity, 1])).toEqual([1, 0]);
    expect(softmax([Infinity, -3, Infinity, 0])).toEqual([0.5, 0, 0.5, 0]);
    expect(softmax([Infinity])).toEqual([1]);
  });

  it('softmax gives −Infinity logits nothing, and is uniform when every logit is −Infinity', () => {
    expect(softmax([-Infinity, 0])).toEqual([0, 1]);
    expect(softmax([-Infinity, -Infinity])).toEqual([0.5, 0.5]);
  });

  it('softmax is stable for huge finite logits: only differences matter', () => {
    const p = softmax([1000, 1000 + Math.log(3)]);
    expect(p[0]).toBeCloseTo(0.25, 12);
    expect(p[1]).toBeCloseTo(0.75, 12);
    expect(softmax([-1e308, 1e308])).toEqual([0, 1]);
  });

  it('softmax refuses NaN (naming its index) and an empty row', () => {
    expectRefusal(() => softmax([0, NaN]), ['softmax', 'logit 1', 'NaN']);
    expectRefusal(() => softmax([]), ['softmax']);
  });

  it('argmax refuses an empty row and NaN; −Infinity rows and ties give the first index', () => {
    expectRefusal(() => argmax([]), ['argmax']);
    expectRefusal(() => argmax([NaN, NaN]), ['argmax', 'entry 0', 'NaN']);
    expectRefusal(() => argmax([1, NaN]), ['argmax', 'entry 1']);
    expect(argmax([-Infinity, -Infinity])).toBe(0);
    expect(argmax([1, 3, 3])).toBe(1);
    expect(argmax([-2, Infinity, 5])).toBe(1);
  });
});

describe('state dicts and heads', () => {
  it('splitStateDict names a state_dict that is not an object', () => {
    for (const [bad, kind] of [
      [null, 'null'],
      [undefined, 'undefined'],
      [3, 'number'],
      [[], 'array'],
    ] as const) {
      expectRefusal(() => splitStateDict(bad as never), ['splitStateDict', 'state_dict', kind]);
    }
  });

  it('a "__proto__" key is refused by name, not dropped', () => {
    const params = toStateDict(createModel(small, initParams(small, { seed: 1 })));
    const text = JSON.stringify(params).replace(/^\{/, '{"__proto__":[1],');
    const { rnn } = splitStateDict(JSON.parse(text) as StateDict);
    expectRefusal(() => createModel(small, rnn), ['unknown parameter', '__proto__']);
  });

  it('initHead and paramLayout refuse read-outs beyond MAX_OUTPUT_SIZE or MAX_HIDDEN_SIZE', () => {
    expectRefusal(() => initHead(MAX_OUTPUT_SIZE + 1, 3, 0), ['MAX_OUTPUT_SIZE']);
    expectRefusal(() => initHead(2, MAX_HIDDEN_SIZE + 1, 0), ['MAX_HIDDEN_SIZE']);
    expectRefusal(() => initHead(1e6, 1e6, 0), ['initHead'], 500);
    expectRefusal(() => paramLayout(small, MAX_OUTPUT_SIZE + 1), ['outputSize', 'MAX_OUTPUT_SIZE']);
  });

  it('headForward refuses a read-out that overflowed, instead of handing back NaN or Infinity', () => {
    const head = initHead(2, 3, 0);
    const huge = { ...head, weight: new Float64Array(6).fill(1e308), bias: new Float64Array(2) };
    const hs = [[0.9, 0.9, 0.9]];
    expectRefusal(
      () => headForward(huge, hs, [0]),
      ['headForward', 'read-out 0', 'step 0', 'Infinity'],
    );
    expectRefusal(() => headForward(head, [[0, NaN, 0]], [0]), ['headForward', 'NaN']);
  });
});

describe('training entry points', () => {
  it('mseLoss names a non-finite read-out', () => {
    expectRefusal(() => mseLoss([[1, NaN]], [[0, 0]]), ['mseLoss', 'y[0][1]', 'NaN']);
    expectRefusal(() => mseLoss(null as never, [[0]]), ['mseLoss', '[S][O]']);
  });

  it('clipGradNorm refuses a gradient that is not a Float64Array', () => {
    expectRefusal(() => clipGradNorm([1, 2] as never, 1), ['clipGradNorm', 'Float64Array']);
  });

  it('encodeText refuses a non-string and a text longer than MAX_STEPS', () => {
    expectRefusal(() => encodeText(5 as never), ['encodeText', 'string']);
    expectRefusal(() => encodeText('a'.repeat(MAX_STEPS + 1)), ['encodeText', 'MAX_STEPS'], 500);
  });

  it('train and evaluate refuse a missing task or options by name', () => {
    const spec = { cell: 'rnn', inputSize: 1, hiddenSize: 2, numLayers: 1 } as const;
    const task = makeTask('remember-first', { length: 5 });
    const opts = { seed: 1, epochs: 1, batchesPerEpoch: 1, batchSize: 1 };
    expectRefusal(() => train(spec, null as never, opts), ['train', 'task']);
    expectRefusal(() => train(spec, task, null as never), ['train', 'options']);
    const model = createModel(spec, initParams(spec, { seed: 0 }));
    const head = initHead(task.outputSize, 2, 0);
    expectRefusal(() => evaluate(model, head, task, null as never), ['evaluate', 'options']);
    expectRefusal(
      () => evaluate(model, null as never, task, { seed: 0, count: 1 }),
      ['evaluate', 'head'],
    );
  });

  it('lossAndGradients, Adam.step, isCorrect, headToStateDict and normalizeText name bad arguments', () => {
    const spec = { cell: 'rnn', inputSize: 1, hiddenSize: 2, numLayers: 1 } as const;
    const model = createModel(spec, initParams(spec, { seed: 0 }));
    const head = initHead(2, 2, 0);
    expectRefusal(
      () => lossAndGradients(model, head, 'mse', null as never),
      ['lossAndGradients', 'samples'],
    );
    expectRefusal(
      () => new Adam(2).step([0, 0] as never, new Float64Array(2)),
      ['Adam.step', 'Float64Array'],
    );
    const task = makeTask('parity', { length: 5 });
    expectRefusal(
      () => isCorrect(task, [0.2, 0.8], [0, 1, 0]),
      ['isCorrect', '2 outputs', 'target 3'],
    );
    expectRefusal(() => headToStateDict(null as never), ['headToStateDict', 'head']);
    expectRefusal(() => normalizeText(undefined as never), ['normalizeText', 'string']);
  });
});
