/**
 * What the math of bidirectional and projected layers demands beyond matching PyTorch:
 * a reverse direction with the forward direction's weights, run on the reversed input,
 * is the forward direction mirrored in time (which also pins down that trace rows are
 * indexed by time step in both directions); projections are h = W_hr m; the spec's new
 * fields are validated; initial parameters follow PyTorch's ranges; traces survive the
 * trip to a worker and back.
 */
import { describe, expect, it } from 'vitest';
import {
  backward,
  createModel,
  EngineInputError,
  forward,
  initParams,
  jacobianNorms,
  parameterCount,
  traceFromPayload,
  tracePayload,
  transferables,
  type ModelSpec,
  type StateDict,
  type Trace,
} from '../../src/engine';
import { randMatrix, rng, rows } from './support';

const reversed = <T>(a: readonly T[]): T[] => [...a].reverse();

/** A state dict whose `_reverse` parameters are copies of the forward ones (layer 0). */
function mirrorWeights(sd: StateDict): StateDict {
  const out: StateDict = { ...sd };
  for (const name of Object.keys(sd)) {
    if (name.endsWith('_reverse')) out[name] = sd[name.slice(0, -'_reverse'.length)]!;
  }
  return out;
}

/** Row t of [T][2H'] with its two halves swapped. */
const swapHalves = (r: number[]) => [...r.slice(r.length / 2), ...r.slice(0, r.length / 2)];

const SPECS: [string, ModelSpec][] = [
  ['lstm', { cell: 'lstm', inputSize: 3, hiddenSize: 4, numLayers: 1, bidirectional: true }],
  ['gru', { cell: 'gru', inputSize: 3, hiddenSize: 4, numLayers: 1, bidirectional: true }],
  [
    'gru classic',
    {
      cell: 'gru',
      convention: 'classic',
      inputSize: 3,
      hiddenSize: 4,
      numLayers: 1,
      bidirectional: true,
    },
  ],
  [
    'rnn relu',
    {
      cell: 'rnn',
      nonlinearity: 'relu',
      inputSize: 3,
      hiddenSize: 4,
      numLayers: 1,
      bidirectional: true,
    },
  ],
  [
    'lstm projSize 2, hard_sigmoid_keras2',
    {
      cell: 'lstm',
      inputSize: 3,
      hiddenSize: 4,
      numLayers: 1,
      bidirectional: true,
      projSize: 2,
      recurrentActivation: 'hard_sigmoid_keras2',
    },
  ],
];

describe('a reverse direction with the forward weights, on the reversed input, mirrors the forward one', () => {
  for (const [label, spec] of SPECS) {
    it(`${label}: outputs, hT, cT and every gate row, mirrored in time`, () => {
      const model = createModel(spec, mirrorWeights(initParams(spec, { seed: 3, weightScale: 2 })));
      const xs = randMatrix(rng(5), 6, 3, 1.5);
      const h = randMatrix(rng(6), 1, spec.projSize || 4, 0.5)[0]!;
      const c = randMatrix(rng(7), 1, 4, 0.5)[0]!;
      const init = { h0: [h, h], c0: [c, c] };
      const a = forward(model, xs, init);
      const b = forward(model, reversed(xs), init);
      // Bit for bit: the same operations on the same numbers.
      expect(rows(b.outputs)).toEqual(reversed(rows(a.outputs)).map(swapHalves));
      expect(rows(b.hT)).toEqual(reversed(rows(a.hT)));
      if (a.cT) expect(rows(b.cT)).toEqual(reversed(rows(a.cT)));
      for (const [d, e] of [
        [0, 1],
        [1, 0],
      ] as const) {
        expect(b.layers[d]!.direction).toBe(d);
        for (const name of Object.keys(a.layers[e]!.gates)) {
          expect(rows(b.layers[d]!.gates[name])).toEqual(reversed(rows(a.layers[e]!.gates[name])));
        }
        for (const name of Object.keys(a.layers[e]!.pre)) {
          expect(rows(b.layers[d]!.pre[name])).toEqual(reversed(rows(a.layers[e]!.pre[name])));
        }
      }
      // ‖∂h_final/∂h_t‖ runs the other way in time for the reverse direction.
      expect(jacobianNorms(model, b, 1)).toEqual(reversed(jacobianNorms(model, a, 0)));
      // And the gradients of a mirrored loss are the same numbers under swapped names.
      const w = randMatrix(rng(8), 6, rows(a.outputs)[0]!.length);
      const ga = backward(model, a, w).params;
      const gb = backward(model, b, reversed(w).map(swapHalves)).params;
      for (const name of Object.keys(ga)) {
        const other = name.endsWith('_reverse') ? name.slice(0, -8) : `${name}_reverse`;
        expect(gb[other]).toEqual(ga[name]);
      }
    });
  }

  it('two layers: mirrored too, once layer 1 reverse reads its input halves swapped', () => {
    const spec: ModelSpec = {
      cell: 'lstm',
      inputSize: 2,
      hiddenSize: 3,
      numLayers: 2,
      bidirectional: true,
    };
    const sd = mirrorWeights(initParams(spec, { seed: 9 }));
    sd.weight_ih_l1_reverse = (sd.weight_ih_l1 as number[][]).map(swapHalves);
    const model = createModel(spec, sd);
    const xs = randMatrix(rng(10), 5, 2);
    const a = rows(forward(model, xs).outputs);
    const b = rows(forward(model, reversed(xs)).outputs);
    reversed(a)
      .map(swapHalves)
      .forEach((r, t) => r.forEach((v, j) => expect(b[t]![j]).toBeCloseTo(v, 13)));
  });
});

describe('layout of a bidirectional, projected trace', () => {
  const spec: ModelSpec = {
    cell: 'lstm',
    inputSize: 2,
    hiddenSize: 3,
    numLayers: 2,
    bidirectional: true,
    projSize: 2,
  };
  const sd = initParams(spec, { seed: 4 });
  const model = createModel(spec, sd);
  const xs = randMatrix(rng(11), 4, 2);
  const trace = forward(model, xs);

  it('layers, hT and cT in h_n order; outputs [T][2P]; h = W_hr m at every step', () => {
    expect(trace.directions).toBe(2);
    expect(trace.layers.map((l) => [l.layer, l.direction])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    expect(rows(trace.hT).map((r) => r.length)).toEqual([2, 2, 2, 2]);
    expect(rows(trace.cT).map((r) => r.length)).toEqual([3, 3, 3, 3]);
    expect(rows(trace.outputs)).toEqual(
      rows(trace.layers[2]!.gates.h).map((f, t) => [...f, ...rows(trace.layers[3]!.gates.h)[t]!]),
    );
    // The reverse direction's last step reads x_0: its hT is its h at time 0.
    expect(rows(trace.hT)[3]).toEqual(rows(trace.layers[3]!.gates.h)[0]);
    expect(rows(trace.hT)[2]).toEqual(rows(trace.layers[2]!.gates.h)[3]);
    for (const [index, suffix] of ['l0', 'l0_reverse', 'l1', 'l1_reverse'].entries()) {
      const W = sd[`weight_hr_${suffix}`] as number[][];
      const { m, h, o, c } = trace.layers[index]!.gates;
      rows(m).forEach((mt, t) => {
        rows(o)[t]!.forEach((ot, j) =>
          expect(mt[j]).toBeCloseTo(ot * Math.tanh(rows(c)[t]![j]!), 15),
        );
        W.forEach((wr, p) =>
          expect(rows(h)[t]![p]).toBeCloseTo(
            wr.reduce((s, w, j) => s + w * mt[j]!, 0),
            14,
          ),
        );
      });
    }
  });

  it('goes to a worker and back: the same numbers, gradients and Jacobian norms', () => {
    const init = { h0: randMatrix(rng(1), 4, 2), c0: randMatrix(rng(2), 4, 3) };
    const fresh = forward(model, xs, init);
    const payload = tracePayload(forward(model, xs, init));
    const back: Trace = traceFromPayload(
      model,
      structuredClone(payload, { transfer: transferables(payload) }),
    );
    const numbers = (t: Trace) => ({
      outputs: rows(t.outputs),
      hT: rows(t.hT),
      cT: rows(t.cT),
      layers: t.layers.map((l) =>
        Object.fromEntries(Object.entries(l.gates).map(([k, v]) => [k, rows(v)])),
      ),
    });
    expect(numbers(back)).toEqual(numbers(fresh));
    const w = randMatrix(rng(3), 4, 4);
    expect(backward(model, back, w)).toEqual(backward(model, fresh, w));
    for (const index of [0, 1, 2, 3])
      expect(jacobianNorms(model, back, index)).toEqual(jacobianNorms(model, fresh, index));
    const wrong = createModel({ ...spec, bidirectional: false });
    expect(() => traceFromPayload(wrong, tracePayload(fresh))).toThrow(/expected 2 tapes, got 4/);
  });

  it('with no steps: no outputs, and hT and cT are h0 and c0 in the same order', () => {
    const init = { h0: randMatrix(rng(4), 4, 2), c0: randMatrix(rng(5), 4, 3) };
    const empty = forward(model, [], init);
    expect(rows(empty.outputs)).toEqual([]);
    expect(rows(empty.hT)).toEqual(init.h0);
    expect(rows(empty.cT)).toEqual(init.c0);
  });

  it('refuses initial states in the wrong layout, naming the row', () => {
    expect(() => forward(model, xs, { h0: randMatrix(rng(1), 2, 2) })).toThrow(
      /expected shape \[4\]\[2\]/,
    );
    const bad = randMatrix(rng(1), 4, 2);
    bad[3] = [0, 0, 0];
    expect(() => forward(model, xs, { h0: bad })).toThrow(/layer 1 reverse/);
    expect(() => jacobianNorms(model, trace, 4)).toThrow(/from 0 to 3/);
  });
});

describe('ModelSpec: bidirectional, projSize and recurrentActivation', () => {
  const lstm = { cell: 'lstm', inputSize: 3, hiddenSize: 4, numLayers: 2 } as const;
  it.each([
    [{ ...lstm, projSize: 4 }, /projSize: expected an integer from 0 to 3/],
    [{ ...lstm, projSize: 1.5 }, /projSize: expected an integer from 0 to 3/],
    [{ ...lstm, projSize: -1 }, /projSize/],
    [{ ...lstm, cell: 'gru', projSize: 2 }, /projSize: projections exist for an lstm only/],
    [
      { ...lstm, cell: 'rnn', recurrentActivation: 'hard_sigmoid_keras2' },
      /an rnn has no sigmoid gates/,
    ],
    [{ ...lstm, recurrentActivation: 'hard_sigmoid' }, /recurrentActivation: expected 'sigmoid'/],
    [{ ...lstm, bidirectional: 'yes' }, /bidirectional: expected true or false/],
  ])('refuses %o', (spec, message) => {
    expect(() => createModel(spec as ModelSpec)).toThrow(EngineInputError);
    expect(() => createModel(spec as ModelSpec)).toThrow(message);
  });

  it('counts parameters as PyTorch does: D·Σ G·H·(in + H′ + 2) + P·H', () => {
    // nn.LSTM(3, 4, 2, bidirectional=True, proj_size=2): 2·(16·(3+2+2) + 8) + 2·(16·(4+2+2) + 8)
    expect(parameterCount({ ...lstm, bidirectional: true, projSize: 2 })).toBe(2 * 120 + 2 * 136);
  });
});

describe('initParams for reverse directions and projections', () => {
  const spec: ModelSpec = {
    cell: 'lstm',
    inputSize: 3,
    hiddenSize: 5,
    numLayers: 2,
    bidirectional: true,
    projSize: 3,
  };

  it('pytorch: every parameter, _reverse and weight_hr included, within ±1/√H, and directions differ', () => {
    const sd = initParams(spec, { seed: 2 });
    const all = Object.values(sd).flat(2) as number[];
    expect(Math.max(...all.map(Math.abs))).toBeLessThanOrEqual(1 / Math.sqrt(5));
    expect(Math.max(...all.map(Math.abs))).toBeGreaterThan(0.9 / Math.sqrt(5));
    expect(sd.weight_hh_l1_reverse).not.toEqual(sd.weight_hh_l1);
  });

  it('orthogonal: each H×P gate block of weight_hh has orthonormal columns (times the scale)', () => {
    const sd = initParams(spec, { seed: 2, scheme: 'orthogonal', weightScale: 0.5 });
    const W = sd.weight_hh_l0_reverse as number[][];
    for (let block = 0; block < 4; block++) {
      const B = W.slice(block * 5, block * 5 + 5);
      for (let a = 0; a < 3; a++) {
        for (let b = 0; b < 3; b++) {
          const g = B.reduce((s, r) => s + r[a]! * r[b]!, 0);
          expect(g).toBeCloseTo(a === b ? 0.25 : 0, 12);
        }
      }
    }
  });
});
