/**
 * Interventions the engine refuses (issue #16): each refusal is an EngineInputError that
 * names the intervention by its index and says what is allowed, and nothing is computed.
 */
import { describe, expect, it } from 'vitest';
import {
  backward,
  createModel,
  EngineInputError,
  forward,
  traceFromPayload,
  tracePayload,
  type ModelSpec,
} from '../../src/engine';

const T = 5;
const xs = Array.from({ length: T }, (_, t) => [Math.sin(t), Math.cos(t)]);
const spec = (extra: Partial<ModelSpec>): ModelSpec => ({
  cell: 'lstm',
  inputSize: 2,
  hiddenSize: 3,
  numLayers: 2,
  ...extra,
});
const ok = { layer: 0, gate: 'f', from: 1, to: 2, value: 0 };
/** An intervention every cell accepts, listed before the refused one. */
const fine = { layer: 0, gate: 'h', from: 1, to: 2, value: 0 };

/** The message forward throws for a list whose second entry is `bad` (the first is fine). */
function refusal(s: ModelSpec, bad: unknown, steps = xs): string {
  try {
    forward(createModel(s), steps, { interventions: [fine, bad] as never });
  } catch (error) {
    expect(error).toBeInstanceOf(EngineInputError);
    return (error as Error).message;
  }
  throw new Error('forward accepted the intervention');
}

describe('refused interventions', () => {
  const lstm = spec({});
  const cases: [string, ModelSpec, unknown, RegExp][] = [
    [
      'a layer above the top',
      lstm,
      { ...ok, layer: 2 },
      /layer must be an integer from 0 to 1, got 2/,
    ],
    ['a negative layer', lstm, { ...ok, layer: -1 }, /layer must be an integer from 0 to 1/],
    [
      'direction 1 of a unidirectional model',
      lstm,
      { ...ok, direction: 1 },
      /direction must be 0 or omitted: the model is not bidirectional, got 1/,
    ],
    [
      'direction 2 of a bidirectional model',
      spec({ bidirectional: true }),
      { ...ok, direction: 2 },
      /direction must be 0 \(forward\) or 1 \(reverse\), got 2/,
    ],
    [
      'a unit past the last',
      lstm,
      { ...ok, unit: 3 },
      /unit must be an integer from 0 to 2 \(f has 3 units\)/,
    ],
    ['a fractional unit', lstm, { ...ok, unit: 0.5 }, /unit must be an integer from 0 to 2/],
    [
      'a unit of the projected h beyond P (h has P entries, c has H)',
      spec({ hiddenSize: 4, projSize: 2 }),
      { ...ok, gate: 'h', unit: 2 },
      /unit must be an integer from 0 to 1 \(h has 2 units\)/,
    ],
    [
      'a step past the end',
      lstm,
      { ...ok, to: T },
      /from and to must be integer steps with 0 ≤ from ≤ to ≤ 4, got from 1, to 5/,
    ],
    ['from after to', lstm, { ...ok, from: 3, to: 2 }, /0 ≤ from ≤ to ≤ 4, got from 3, to 2/],
    ['a negative step', lstm, { ...ok, from: -1 }, /0 ≤ from ≤ to ≤ 4/],
    ['a missing step', lstm, { layer: 0, gate: 'f', to: 1, value: 0 }, /got from undefined, to 1/],
    [
      'a gru gate on an lstm',
      lstm,
      { ...ok, gate: 'z' },
      /gate must be one of i, f, g, o, c, h for an lstm, got "z"/,
    ],
    [
      'c on a gru',
      spec({ cell: 'gru' }),
      { ...ok, gate: 'c' },
      /gate must be one of r, z, n, h for a gru, got "c"/,
    ],
    [
      "an lstm's m",
      spec({ hiddenSize: 4, projSize: 2 }),
      { ...ok, gate: 'm' },
      /one of i, f, g, o, c, h/,
    ],
    [
      "an rnn's pre",
      spec({ cell: 'rnn' }),
      { ...ok, gate: 'pre' },
      /gate must be one of h for a tanh rnn, got "pre"/,
    ],
    ['a gate that is not a string', lstm, { ...ok, gate: 3 }, /gate must be one of .*, got 3/],
    [
      'a sigmoid gate above 1',
      lstm,
      { ...ok, value: 1.5 },
      /value must be from 0 to 1 \(a sigmoid gate\) for f, got 1.5/,
    ],
    [
      'a hard-sigmoid gate below 0',
      spec({ cell: 'gru', recurrentActivation: 'hard_sigmoid_keras2' }),
      { ...ok, gate: 'z', value: -0.1 },
      /value must be from 0 to 1 \(a sigmoid gate\) for z, got -0.1/,
    ],
    [
      'a tanh gate below −1',
      lstm,
      { ...ok, gate: 'g', value: -2 },
      /value must be from −1 to 1 \(a tanh output\) for g, got -2/,
    ],
    [
      "a gru's n above 1",
      spec({ cell: 'gru' }),
      { ...ok, gate: 'n', value: 1.01 },
      /from −1 to 1 .* for n, got 1.01/,
    ],
    [
      "a tanh rnn's h above 1",
      spec({ cell: 'rnn' }),
      { ...ok, gate: 'h', value: 2 },
      /from −1 to 1 .* for h, got 2/,
    ],
    [
      "a relu rnn's negative h",
      spec({ cell: 'rnn', nonlinearity: 'relu' }),
      { ...ok, gate: 'h', value: -0.5 },
      /value must be a finite number ≥ 0 \(a relu output\) for h, got -0.5/,
    ],
    [
      'an infinite c',
      lstm,
      { ...ok, gate: 'c', value: Infinity },
      /value must be any finite number \(a state\) for c, got Infinity/,
    ],
    ['a NaN h', lstm, { ...ok, gate: 'h', value: NaN }, /for h, got NaN/],
    [
      'a value that is not a number',
      lstm,
      { ...ok, value: '0' },
      /value must be from 0 to 1 .* got 0/,
    ],
    [
      'not an object',
      lstm,
      null,
      /interventions\[1\] must be an object \{ layer, direction\?, gate, unit\?, from, to, value \}, got null/,
    ],
  ];
  it.each(cases)('%s', (_, s, bad, message) => {
    const text = refusal(s, bad);
    expect(text).toMatch(/^forward: interventions\[1\]/);
    expect(text).toMatch(message);
  });

  it('any step on an empty sequence', () => {
    expect(refusal(spec({}), ok, [])).toMatch(
      /interventions\[0\]: from and to must be integer steps with the sequence has no steps/,
    );
  });

  it('a list that is not an array', () => {
    expect(() => forward(createModel(spec({})), xs, { interventions: {} as never })).toThrow(
      /^forward: interventions must be an array of \{ layer, direction\?, gate, unit\?, from, to, value \}, got object/,
    );
  });

  it('states and values in range are accepted: c and h any finite number, a relu h of 0', () => {
    const run = (s: ModelSpec, gate: string, value: number) =>
      forward(createModel(s), xs, { interventions: [{ layer: 1, gate, from: 0, to: 4, value }] });
    expect(run(spec({}), 'c', -40).layers[1]!.gates.c![4]![0]).toBe(-40);
    expect(run(spec({}), 'h', 7).hT[1]![2]).toBe(7);
    expect(run(spec({ cell: 'gru' }), 'h', -3).hT[1]![0]).toBe(-3);
    expect(run(spec({ cell: 'rnn', nonlinearity: 'relu' }), 'h', 0).outputs[4]![1]).toBe(0);
  });

  it('backward with a model of another cell refuses the trace interventions it cannot apply', () => {
    const trace = forward(createModel(spec({})), xs, {
      interventions: [{ layer: 0, gate: 'f', from: 0, to: 1, value: 0 }],
    });
    const gru = createModel(spec({ cell: 'gru' }));
    expect(() =>
      backward(
        gru,
        trace,
        xs.map(() => [0, 0, 0]),
      ),
    ).toThrow(
      /^backward\/jacobianNorms: interventions\[0\]: gate must be one of r, z, n, h for a gru, got "f"/,
    );
  });

  it('a payload whose interventions do not fit the model is refused', () => {
    const model = createModel(spec({}));
    const payload = tracePayload(forward(model, xs));
    const bad = { ...payload, interventions: [{ layer: 5, gate: 'f', from: 0, to: 0, value: 0 }] };
    expect(() => traceFromPayload(model, bad)).toThrow(
      /^traceFromPayload: interventions\[0\]: layer must be an integer from 0 to 1, got 5/,
    );
  });
});
