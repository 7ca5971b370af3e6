/**
 * The equations of the models imports bring: bidirectional layers (a backward direction
 * reads h_{t+1}; a layer above reads both directions of the one below), LSTM projections
 * (m_t = o ⊙ tanh c_t, h_t = W_hr m_t) and the hard sigmoids of Keras and TF.js. Every
 * number is checked against the state dict read independently, or against the definition
 * of the activation applied to the printed pre-activation.
 */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { createModel, forward, initParams, Random, toStateDict } from '../../src/engine';
import type { ModelSpec, RecurrentActivation } from '../../src/engine';
import { buildEquations, symbolicEquations } from '../../src/equations';
import { dot, expectClose, matrix, vector } from './support';

const I = 3;
const T = 5;

function run(spec: Omit<ModelSpec, 'inputSize'>, seed = 11) {
  const full: ModelSpec = { ...spec, inputSize: I };
  const model = createModel(full, initParams(full, { seed, weightScale: 1.5 }));
  const rng = new Random(seed + 1);
  const xs = Array.from({ length: T }, () => Array.from({ length: I }, () => rng.uniform(-1, 1)));
  return { model, trace: forward(model, xs), xs, params: toStateDict(model) };
}

type Run = ReturnType<typeof run>;

function byName<E extends { name: string }>(equations: readonly E[], name: string): E {
  const found = equations.find((e) => e.name === name);
  if (!found) throw new Error(`no equation ${name}`);
  return found;
}

/** h (or c) of layer index `index` at 1-based step `step` as a plain array; zeros off the ends. */
function state(s: Run, index: number, name: string, step: number, size: number): number[] {
  const row = s.trace.layers[index]!.gates[name]![step - 1];
  return row ? Array.from(row) : new Array<number>(size).fill(0);
}

describe('a bidirectional model', () => {
  const H = 4;
  const cases = [
    { cell: 'lstm', blocks: ['i', 'f', 'g', 'o'] },
    { cell: 'gru', blocks: ['r', 'z'] },
    { cell: 'rnn', blocks: ['pre'] },
  ] as const;

  it.each(cases)(
    '$cell: each direction reads its own weights, x from both directions below, and its own previous state',
    ({ cell, blocks }) => {
      const s = run({ cell, hiddenSize: H, numLayers: 2, bidirectional: true });
      for (let index = 0; index < 4; index++) {
        const k = Math.floor(index / 2);
        const backward = index % 2 === 1;
        const suffix = `_l${k}${backward ? '_reverse' : ''}`;
        for (const t of [1, 3, T]) {
          const x = k === 0 ? s.xs[t - 1]! : [...state(s, 0, 'h', t, H), ...state(s, 1, 'h', t, H)];
          // Forward reads h_{t−1}; backward reads h_{t+1}, zero at t = T where it starts.
          const prevStep = backward ? t + 1 : t - 1;
          const hPrev = state(s, index, 'h', prevStep, H);
          for (const j of [0, H - 1]) {
            const equations = buildEquations({
              ...s,
              layer: index,
              t,
              unit: j,
              notation: 'pytorch',
            });
            blocks.forEach((name, block) => {
              const row = block * H + j;
              const split = byName(equations, name).split!;
              const input = dot(matrix(s.params, `weight_ih${suffix}`)[row]!, x);
              const recurrent = dot(matrix(s.params, `weight_hh${suffix}`)[row]!, hPrev);
              const bias =
                vector(s.params, `bias_ih${suffix}`)[row]! +
                vector(s.params, `bias_hh${suffix}`)[row]!;
              const scale = Math.abs(input) + Math.abs(recurrent) + Math.abs(bias);
              expectClose(split.input, input, scale);
              expectClose(split.recurrent, recurrent, scale);
              expectClose(split.bias, bias, scale);
              expectClose(split.input + split.recurrent + split.bias, split.pre, scale);
            });
            if (cell === 'lstm') {
              // c_t = f·c_prev + i·g, with c_prev the state the direction left at prevStep.
              const c = byName(equations, 'c');
              const cPrev = state(s, index, 'c', prevStep, H)[j]!;
              const [f, cp, i, g] = c.terms.map((term) => term.value);
              expect(cp).toBe(cPrev);
              expectClose(f! * cPrev + i! * g!, c.value, 1);
              expect(c.terms[1]!.label).toContain(
                backward && t === T ? `c_${T + 1}` : `c_${prevStep}`,
              );
            }
          }
        }
      }
    },
  );

  it('a backward direction names the state it read as the one it left at step t + 1', () => {
    const s = run({ cell: 'gru', hiddenSize: H, numLayers: 1, bidirectional: true });
    const mid = buildEquations({ ...s, layer: 1, t: 2, unit: 0, notation: 'pytorch' });
    const h = byName(mid, 'h');
    expect(h.terms.some((term) => term.label.startsWith('h_3[1]'))).toBe(true);
    const last = buildEquations({ ...s, layer: 1, t: T, unit: 0, notation: 'pytorch' });
    const start = byName(last, 'h').terms.find((term) => term.label.includes('= 0'));
    expect(start?.label).toContain(`starts at step ${T}`);
    expect(start?.value).toBe(0);
  });
});

describe('an LSTM with a projection (proj_size P)', () => {
  const H = 5;
  const P = 3;
  const s = run({ cell: 'lstm', hiddenSize: H, numLayers: 2, projSize: P });

  it('writes m_t = o ⊙ tanh(c_t) and h_t = W_hr m_t, symbolically', () => {
    const symbolic = symbolicEquations(s.model.spec, 'pytorch');
    expect(symbolic.map((e) => e.name)).toEqual(['i', 'f', 'g', 'o', 'c', 'm', 'h']);
    expect(byName(symbolic, 'm').latex).toContain('\\tanh(c_t)');
    expect(byName(symbolic, 'h').latex).toContain('W_{hr}');
    expect(byName(symbolic, 'h').note).toContain(`${P} entries`);
  });

  it('its gates read the P entries of h_{t−1}, and h_t[j] = row j of W_hr times m_t', () => {
    for (const layer of [0, 1]) {
      const Wih = matrix(s.params, `weight_ih_l${layer}`);
      const Whh = matrix(s.params, `weight_hh_l${layer}`);
      const Whr = matrix(s.params, `weight_hr_l${layer}`);
      expect(Whh[0]!.length).toBe(P);
      for (const t of [1, 2, T]) {
        const x = layer === 0 ? s.xs[t - 1]! : state(s, 0, 'h', t, P);
        const hPrev = state(s, layer, 'h', t - 1, P);
        const m = state(s, layer, 'm', t, H);
        for (const j of [0, P - 1]) {
          const equations = buildEquations({ ...s, layer, t, unit: j, notation: 'concat' });
          const f = byName(equations, 'f').split!;
          const row = H + j;
          expectClose(f.input, dot(Wih[row]!, x), 1);
          expectClose(f.recurrent, dot(Whh[row]!, hPrev), 1);
          expectClose(f.product!, dot([...Whh[row]!, ...Wih[row]!], [...hPrev, ...x]), 1);
          const mLine = byName(equations, 'm');
          const [o, , , tanhC] = mLine.terms.map((term) => term.value);
          expectClose(o! * tanhC!, mLine.value, 1);
          expect(mLine.value).toBe(m[j]);
          const hLine = byName(equations, 'h');
          expectClose(hLine.value, dot(Whr[j]!, m), 1);
          expect(hLine.terms.at(-1)!.value).toBe(hLine.value);
        }
      }
    }
  });

  it('a unit beyond P has gates, c and m but no h entry, and the line says so', () => {
    const equations = buildEquations({ ...s, layer: 0, t: 2, unit: H - 1, notation: 'pytorch' });
    const h = byName(equations, 'h');
    expect(h.terms).toEqual([]);
    expect(h.numeric).toContain(`has ${P} entries`);
    expect(byName(equations, 'm').value).toBe(state(s, 0, 'm', 2, H)[H - 1]);
  });

  it('KaTeX typesets every line', () => {
    for (const unit of [0, H - 1]) {
      for (const eq of buildEquations({ ...s, layer: 1, t: 3, unit, notation: 'concat' })) {
        katex.renderToString(eq.symbolic, { throwOnError: true });
        katex.renderToString(eq.numeric, { throwOnError: true });
      }
    }
  });
});

describe('hard sigmoid gates', () => {
  const definitions: readonly [RecurrentActivation, (a: number) => number, string][] = [
    ['hard_sigmoid_keras2', (a) => Math.min(1, Math.max(0, 0.2 * a + 0.5)), '0.2·a + 0.5'],
    ['hard_sigmoid_keras3', (a) => Math.min(1, Math.max(0, a / 6 + 0.5)), 'a/6 + 0.5'],
  ];

  it.each(['lstm', 'gru'] as const)(
    '%s: written σ_hard, defined in a note, and each gate is that function of its pre-activation',
    (cell) => {
      for (const [activation, hard, formula] of definitions) {
        const s = run({ cell, hiddenSize: 4, numLayers: 1, recurrentActivation: activation });
        const symbolic = symbolicEquations(s.model.spec, 'pytorch');
        const gates = cell === 'lstm' ? ['i', 'f', 'o'] : ['r', 'z'];
        for (const name of gates) {
          expect(byName(symbolic, name).latex).toContain('\\sigma_{\\mathrm{hard}}');
        }
        expect(symbolic[0]!.note).toContain(formula);
        expect(
          symbolicEquations({ ...s.model.spec, recurrentActivation: 'sigmoid' }, 'pytorch')[0]!
            .note,
        ).toBeUndefined();
        for (const t of [1, 3, T]) {
          for (const eq of buildEquations({ ...s, layer: 0, t, unit: 2, notation: 'pytorch' })) {
            if (!gates.includes(eq.name)) continue;
            expect(eq.numeric).toContain('\\sigma_{\\mathrm{hard}}(');
            expectClose(eq.value, hard(eq.split!.pre), 1);
            katex.renderToString(eq.numeric, { throwOnError: true });
          }
        }
      }
    },
  );
});
