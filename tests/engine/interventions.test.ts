/**
 * Interventions in the forward pass (issue #16): a clamped gate replaces the gate after its
 * activation, a clamped c or h the state after its update, and everything downstream reads
 * the clamped value. Each case checks the clamped step against the cell's equations written
 * out here, the steps before against the run without interventions, and the steps after
 * against a fresh run started from the clamped state (the later steps must read it and
 * nothing else). An empty list must change nothing, bit for bit.
 */
import { describe, expect, it } from 'vitest';
import {
  backward,
  createModel,
  forward,
  initParams,
  jacobianNorms,
  type Intervention,
  type Model,
  type ModelSpec,
  type Trace,
} from '../../src/engine';
import { directionModel } from './directionSupport';
import { CONFIGS, layerModel, makeSpec, randMatrix, rng, rows } from './support';

const T = 6;
const K = 3; // the step most cases clamp

interface Run {
  spec: ModelSpec;
  model: Model;
  xs: number[][];
  base: Trace;
}

function setup(spec: ModelSpec, seed = 1): Run {
  const model = createModel(spec, initParams(spec, { seed, weightScale: 1.5 }));
  const xs = randMatrix(rng(seed), T, spec.inputSize, 1.5);
  return { spec, model, xs, base: forward(model, xs) };
}

const gate = (trace: Trace, name: string, index = 0) => rows(trace.layers[index]!.gates[name]);
const pre = (trace: Trace, name: string, index = 0) => rows(trace.layers[index]!.pre[name]);

/**
 * Steps after `k` of a unidirectional model equal a fresh run from the state the trace
 * holds after step k (every layer's h, and c): they read the clamped state and nothing else.
 */
function expectLaterStepsFollow(run: Run, trace: Trace, k: number): void {
  const L = run.spec.numLayers;
  const h0 = Array.from({ length: L }, (_, l) => gate(trace, 'h', l)[k]!);
  const lstmCell = run.spec.cell === 'lstm';
  const c0 = lstmCell ? Array.from({ length: L }, (_, l) => gate(trace, 'c', l)[k]!) : [];
  const fresh = forward(run.model, run.xs.slice(k + 1), lstmCell ? { h0, c0 } : { h0 });
  for (let l = 0; l < L; l++) {
    for (const name of Object.keys(trace.layers[l]!.gates)) {
      expect(gate(trace, name, l).slice(k + 1), `layer ${l} ${name}`).toEqual(gate(fresh, name, l));
    }
  }
}

/** Every gate and pre-activation of steps before k equals the run without interventions. */
function expectEarlierStepsUnchanged(run: Run, trace: Trace, k: number): void {
  for (let index = 0; index < trace.layers.length; index++) {
    for (const name of Object.keys(trace.layers[index]!.gates)) {
      expect(gate(trace, name, index).slice(0, k)).toEqual(gate(run.base, name, index).slice(0, k));
    }
  }
}

const lstm: ModelSpec = { cell: 'lstm', inputSize: 3, hiddenSize: 4, numLayers: 1 };
const gruPytorch: ModelSpec = { cell: 'gru', inputSize: 3, hiddenSize: 4, numLayers: 1 };
const gruClassic: ModelSpec = { ...gruPytorch, convention: 'classic' };

describe('an empty list of interventions', () => {
  const specs: [string, ModelSpec][] = [
    ...CONFIGS.map((cfg): [string, ModelSpec] => [cfg.name, makeSpec(cfg, 3, 4, 2)]),
    ...CONFIGS.map((cfg): [string, ModelSpec] => [
      `${cfg.name}, bidirectional`,
      { ...makeSpec(cfg, 3, 4, 2), bidirectional: true },
    ]),
    ['lstm projSize 2', { ...lstm, numLayers: 2, projSize: 2 }],
    ['lstm projSize 2, bidirectional', { ...lstm, numLayers: 2, projSize: 2, bidirectional: true }],
    ['gru hard_sigmoid_keras2', { ...gruPytorch, recurrentActivation: 'hard_sigmoid_keras2' }],
  ];
  it.each(specs)('%s: forward, backward and jacobianNorms bit for bit as with none', (_, spec) => {
    const { model, xs } = setup(spec, 4);
    const rand = rng(9);
    const D = spec.bidirectional ? 2 : 1;
    const hS = spec.projSize || spec.hiddenSize;
    const h0 = randMatrix(rand, spec.numLayers * D, hS);
    const c0 = randMatrix(rand, spec.numLayers * D, spec.hiddenSize);
    const init = spec.cell === 'lstm' ? { h0, c0 } : { h0 };
    const none = forward(model, xs, init);
    const empty = forward(model, xs, { ...init, interventions: [] });
    expect('interventions' in empty).toBe(false);
    const same = (a: unknown, b: unknown) => expect(a).toEqual(b); // toEqual: Object.is per number
    same(rows(empty.outputs), rows(none.outputs));
    same(rows(empty.hT), rows(none.hT));
    if (none.cT) same(rows(empty.cT), rows(none.cT));
    empty.layers.forEach((layer, index) => {
      for (const name of Object.keys(none.layers[index]!.gates))
        same(rows(layer.gates[name]), gate(none, name, index));
      for (const name of Object.keys(none.layers[index]!.pre))
        same(rows(layer.pre[name]), pre(none, name, index));
    });
    const w = randMatrix(rand, T, D * hS);
    const gNone = backward(model, none, w);
    const gEmpty = backward(model, empty, w);
    same(rows(gEmpty.xs), rows(gNone.xs));
    same(rows(gEmpty.h0), rows(gNone.h0));
    same(gEmpty.params, gNone.params);
    gNone.layers.forEach((layer, index) => same(rows(gEmpty.layers[index]!.dh), rows(layer.dh)));
    for (let index = 0; index < none.layers.length; index++)
      same(jacobianNorms(model, empty, index), jacobianNorms(model, none, index));
  });
});

describe('LSTM interventions', () => {
  it('f = 0 at step k of every unit: c_k = i_k·g_k exactly, and later steps follow', () => {
    const run = setup(lstm);
    const trace = forward(run.model, run.xs, {
      interventions: [{ layer: 0, gate: 'f', from: K, to: K, value: 0 }],
    });
    const [i, f, g, o, c, h] = ['i', 'f', 'g', 'o', 'c', 'h'].map((n) => gate(trace, n)[K]!);
    expect(f).toEqual([0, 0, 0, 0]);
    expect(c).toEqual(i!.map((ij, j) => ij * g![j]!));
    expect(h).toEqual(o!.map((oj, j) => oj * Math.tanh(c![j]!)));
    expect(c).not.toEqual(gate(run.base, 'c')[K]); // the old memory is gone
    expect(pre(trace, 'f')[K]).toEqual(pre(run.base, 'f')[K]); // pre stays what was computed
    expect(gate(trace, 'i')[K]).toEqual(gate(run.base, 'i')[K]);
    expectEarlierStepsUnchanged(run, trace, K);
    expectLaterStepsFollow(run, trace, K);
  });

  it('c of one unit: that c_k is the value, h_k reads it, the other units are untouched', () => {
    const run = setup(lstm);
    const trace = forward(run.model, run.xs, {
      interventions: [{ layer: 0, gate: 'c', unit: 2, from: K, to: K, value: 2.5 }],
    });
    const c = gate(trace, 'c')[K]!;
    const baseC = gate(run.base, 'c')[K]!;
    expect(c).toEqual([baseC[0], baseC[1], 2.5, baseC[3]]);
    expect(gate(trace, 'h')[K]![2]).toBe(gate(trace, 'o')[K]![2]! * Math.tanh(2.5));
    for (const name of ['i', 'f', 'g', 'o'])
      expect(gate(trace, name)[K]).toEqual(gate(run.base, name)[K]);
    expectEarlierStepsUnchanged(run, trace, K);
    expectLaterStepsFollow(run, trace, K);
  });

  it('h of one unit over steps 1–3: h is the value there, c is what the gates made it', () => {
    const run = setup(lstm);
    const trace = forward(run.model, run.xs, {
      interventions: [{ layer: 0, gate: 'h', unit: 1, from: 1, to: 3, value: -0.75 }],
    });
    const [i, f, g, c, h] = ['i', 'f', 'g', 'c', 'h'].map((n) => gate(trace, n));
    for (let t = 1; t <= 3; t++) {
      expect(h![t]![1]).toBe(-0.75);
      expect(c![t]).toEqual(
        c![t]!.map((_, j) => f![t]![j]! * c![t - 1]![j]! + i![t]![j]! * g![t]![j]!),
      );
    }
    expect(gate(trace, 'c')[1]).toEqual(gate(run.base, 'c')[1]); // step 1's c precedes its h
    expectEarlierStepsUnchanged(run, trace, 1);
    expectLaterStepsFollow(run, trace, 3);
  });

  it('a projected LSTM: h clamps the projected h; m and c keep what the step computed', () => {
    const run = setup({ ...lstm, projSize: 2 });
    const trace = forward(run.model, run.xs, {
      interventions: [{ layer: 0, gate: 'h', unit: 1, from: K, to: K, value: 0.3 }],
    });
    expect(gate(trace, 'h')[K]).toEqual([gate(run.base, 'h')[K]![0], 0.3]);
    expect(gate(trace, 'm')[K]).toEqual(gate(run.base, 'm')[K]);
    expect(gate(trace, 'c')[K]).toEqual(gate(run.base, 'c')[K]);
    expectLaterStepsFollow(run, trace, K);
  });

  it('two layers: the layer above reads the clamped h of the layer below', () => {
    const run = setup({ ...lstm, numLayers: 2 });
    const trace = forward(run.model, run.xs, {
      interventions: [{ layer: 0, gate: 'h', from: K, to: K, value: 0.5 }],
    });
    expect(gate(trace, 'h', 0)[K]).toEqual([0.5, 0.5, 0.5, 0.5]);
    const above = forward(
      layerModel(run.spec, initParams(run.spec, { seed: 1, weightScale: 1.5 }), 1),
      gate(trace, 'h', 0),
    );
    for (const name of ['i', 'f', 'g', 'o', 'c', 'h'])
      expect(gate(trace, name, 1)).toEqual(gate(above, name));
    expectLaterStepsFollow(run, trace, K);
  });

  it('where interventions overlap, the last one listed wins', () => {
    const run = setup(lstm);
    const trace = forward(run.model, run.xs, {
      interventions: [
        { layer: 0, gate: 'o', from: 0, to: T - 1, value: 0.25 },
        { layer: 0, gate: 'o', unit: 3, from: K, to: K, value: 1 },
      ],
    });
    expect(gate(trace, 'o')[K]).toEqual([0.25, 0.25, 0.25, 1]);
    expect(gate(trace, 'o')[K + 1]).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('the trace keeps the interventions, direction filled in', () => {
    const run = setup(lstm);
    const list: Intervention[] = [{ layer: 0, gate: 'g', unit: 0, from: 2, to: 4, value: -1 }];
    const trace = forward(run.model, run.xs, { interventions: list });
    expect(trace.interventions).toEqual([{ ...list[0], direction: 0 }]);
    expect(Object.isFrozen(trace.interventions![0])).toBe(true);
  });
});

describe('GRU interventions', () => {
  it.each([
    ['pytorch', gruPytorch],
    ['classic', gruClassic],
  ])('%s: n of one unit: h_k mixes the clamped n with h_{k−1} by z', (convention, spec) => {
    const run = setup(spec);
    const trace = forward(run.model, run.xs, {
      interventions: [{ layer: 0, gate: 'n', unit: 1, from: K, to: K, value: -0.6 }],
    });
    const z = gate(trace, 'z')[K]![1]!;
    const hPrev = gate(trace, 'h')[K - 1]![1]!;
    expect(gate(trace, 'n')[K]![1]).toBe(-0.6);
    expect(pre(trace, 'n')[K]).toEqual(pre(run.base, 'n')[K]);
    const expected =
      convention === 'pytorch' ? (1 - z) * -0.6 + z * hPrev : (1 - z) * hPrev + z * -0.6;
    expect(gate(trace, 'h')[K]![1]).toBe(expected);
    expectEarlierStepsUnchanged(run, trace, K);
    expectLaterStepsFollow(run, trace, K);
  });

  it.each([
    ['pytorch', 1, gruPytorch],
    ['classic', 0, gruClassic],
  ] as const)(
    '%s: z = %i keeps the old statekeeps the old state: h_k = h_{k−1} exactly',
    (_, keep, spec) => {
      const run = setup(spec);
      const trace = forward(run.model, run.xs, {
        interventions: [{ layer: 0, gate: 'z', from: K, to: K, value: keep }],
      });
      expect(gate(trace, 'h')[K]).toEqual(gate(trace, 'h')[K - 1]);
      expectLaterStepsFollow(run, trace, K);
    },
  );

  it.each([
    ['pytorch', gruPytorch],
    ['classic', gruClassic],
  ])(
    '%s: r = 0 leaves the candidate only its input part (and b_hn for classic)',
    (convention, spec) => {
      const run = setup(spec);
      const sd = initParams(spec, { seed: 1, weightScale: 1.5 });
      const trace = forward(run.model, run.xs, {
        interventions: [{ layer: 0, gate: 'r', from: K, to: K, value: 0 }],
      });
      const H = spec.hiddenSize;
      const W = sd.weight_ih_l0 as number[][];
      const b = sd.bias_ih_l0 as number[];
      const bhn = sd.bias_hh_l0 as number[];
      const expected = Array.from({ length: H }, (_, j) => {
        const input = W[2 * H + j]!.reduce((s, wk, k) => s + wk * run.xs[K]![k]!, b[2 * H + j]!);
        return convention === 'classic' ? input + bhn[2 * H + j]! : input;
      });
      const got = pre(trace, 'n')[K]!;
      got.forEach((x, j) => expect(x).toBeCloseTo(expected[j]!, 12));
      expect(pre(trace, 'r')[K]).toEqual(pre(run.base, 'r')[K]);
      expectLaterStepsFollow(run, trace, K);
    },
  );
});

describe('RNN interventions', () => {
  it.each([
    ['tanh', 0.9],
    ['relu', 0],
  ] as const)('%s: h of one unit is the value, and later steps follow', (nonlinearity, value) => {
    const run = setup({ cell: 'rnn', nonlinearity, inputSize: 3, hiddenSize: 4, numLayers: 1 });
    const trace = forward(run.model, run.xs, {
      interventions: [{ layer: 0, gate: 'h', unit: 2, from: K, to: K, value }],
    });
    const baseH = gate(run.base, 'h')[K]!;
    expect(gate(trace, 'h')[K]).toEqual([baseH[0], baseH[1], value, baseH[3]]);
    expect(pre(trace, 'pre')[K]).toEqual(pre(run.base, 'pre')[K]);
    expectEarlierStepsUnchanged(run, trace, K);
    expectLaterStepsFollow(run, trace, K);
  });
});

describe('bidirectional interventions', () => {
  it.each([
    ['lstm', lstm],
    ['gru', gruPytorch],
  ])(
    '%s: direction 1 at time step k clamps the reverse direction only, read at times < k',
    (_, spec) => {
      const run = setup({ ...spec, bidirectional: true });
      const sd = initParams(run.spec, { seed: 1, weightScale: 1.5 });
      const trace = forward(run.model, run.xs, {
        interventions: [{ layer: 0, direction: 1, gate: 'h', unit: 0, from: K, to: K, value: 0.4 }],
      });
      const H = spec.hiddenSize;
      for (const name of Object.keys(trace.layers[0]!.gates))
        expect(gate(trace, name, 0)).toEqual(gate(run.base, name, 0));
      const h = gate(trace, 'h', 1);
      expect(h[K]![0]).toBe(0.4);
      expect(rows(trace.outputs)[K]![H]).toBe(0.4);
      expect(h.slice(K + 1)).toEqual(gate(run.base, 'h', 1).slice(K + 1)); // read x_{T−1} … x_{k+1} first
      // Times k−1 … 0 are the reverse direction run alone from the clamped state.
      const alone = directionModel(run.spec, sd, 0, 1).model;
      const before = run.xs.slice(0, K).reverse();
      const init =
        spec.cell === 'lstm' ? { h0: [h[K]!], c0: [gate(trace, 'c', 1)[K]!] } : { h0: [h[K]!] };
      expect(h.slice(0, K)).toEqual(gate(forward(alone, before, init), 'h').reverse());
    },
  );
});
