import { describe, expect, it } from 'vitest';
import { buildEquations, numericEquations, type Equation } from '../../src/equations';
import {
  dot,
  expectClose,
  matrix,
  parseTex,
  round3,
  rowAt,
  setup,
  vector,
  VARIANTS,
  type Setup,
  type Variant,
} from './support';

const STEPS = [1, 2, 4, 6];
const UNITS = [0, 2, 4];

/** Gate row blocks of each cell, in PyTorch's order. */
function blocks(variant: Variant): string[] {
  if (variant.spec.cell === 'lstm') return ['i', 'f', 'g', 'o'];
  if (variant.spec.cell === 'gru') return ['r', 'z', 'n'];
  return ['pre'];
}

/** The trace's value of an equation's quantity (the RNN's a_t lives in `pre`). */
function traceValue(s: Setup, layer: number, name: string, t: number, j: number): number {
  const lt = s.trace.layers[layer]!;
  const rows = name === 'pre' ? lt.pre.pre : lt.gates[name];
  return rows![t - 1]![j]!;
}

/**
 * The split recomputed from the state dict: input part, recurrent part and bias as the
 * cell defines them, and the concat form's single product over [v, x_t].
 */
function independentSplit(
  s: Setup,
  variant: Variant,
  layer: number,
  t: number,
  j: number,
  k: number,
) {
  const H = 5;
  const row = k * H + j;
  const Wih = matrix(s.params, `weight_ih_l${layer}`)[row]!;
  const Whh = matrix(s.params, `weight_hh_l${layer}`)[row]!;
  const bih = vector(s.params, `bias_ih_l${layer}`)[row]!;
  const bhh = vector(s.params, `bias_hh_l${layer}`)[row]!;
  const x = layer === 0 ? s.xs[t - 1]! : rowAt(s.trace, layer - 1, 'h', t, H);
  const hPrev = rowAt(s.trace, layer, 'h', t - 1, H);
  const input = dot(Wih, x);
  const isN = variant.spec.cell === 'gru' && k === 2;
  if (isN && variant.spec.convention !== 'classic') {
    const r = rowAt(s.trace, layer, 'r', t, H)[j]!;
    return { input, recurrent: r * (dot(Whh, hPrev) + bhh), bias: bih, product: undefined };
  }
  const v = isN ? hPrev.map((h, c) => rowAt(s.trace, layer, 'r', t, H)[c]! * h) : hPrev;
  const product = dot([...Whh, ...Wih], [...v, ...x]);
  return { input, recurrent: dot(Whh, v), bias: bih + bhh, product };
}

function byName(equations: Equation[], name: string): Equation {
  const found = equations.find((e) => e.name === name);
  if (!found) throw new Error(`no equation ${name}`);
  return found;
}

describe.each(VARIANTS)('equations of $name', (variant) => {
  describe.each([1, 2])('%i layer(s)', (numLayers) => {
    const s = setup(variant, numLayers);
    const cases = Array.from({ length: numLayers }, (_, layer) =>
      STEPS.flatMap((t) => UNITS.map((j) => ({ layer, t, j }))),
    ).flat();

    it.each(cases)('layer $layer, step $t, unit $j: parts sum to the trace', ({ layer, t, j }) => {
      const equations = buildEquations({ ...s, layer, t, unit: j, notation: 'pytorch' });
      blocks(variant).forEach((name, k) => {
        const { split } = byName(equations, name);
        if (!split) throw new Error(`${name} has no split`);
        const want = independentSplit(s, variant, layer, t, j, k);
        const scale = Math.abs(want.input) + Math.abs(want.recurrent) + Math.abs(want.bias);
        expectClose(split.input, want.input, scale);
        expectClose(split.recurrent, want.recurrent, scale);
        expectClose(split.bias, want.bias, scale);
        expect(split.pre).toBe(s.trace.layers[layer]!.pre[name]![t - 1]![j]);
        expectClose(
          split.input + split.recurrent + split.bias,
          split.pre,
          Math.max(scale, Math.abs(split.pre)),
        );
        if (want.product === undefined) expect(split.product).toBeUndefined();
        else {
          // The concat form's single matrix-vector product is the sum of the two.
          expectClose(split.product!, want.product, scale);
          expectClose(split.product!, split.input + split.recurrent, scale);
        }
        if (t === 1 && want.product !== undefined) expect(split.recurrent).toBe(0);
      });
    });

    it.each(cases)('layer $layer, step $t, unit $j: printed numbers', ({ layer, t, j }) => {
      for (const notation of ['pytorch', 'concat'] as const) {
        const equations = buildEquations({ ...s, layer, t, unit: j, notation });
        expect(equations.map((e) => e.name)).toEqual([
          ...blocks(variant),
          ...(variant.spec.cell === 'lstm' ? ['c', 'h'] : ['h']),
        ]);
        for (const eq of equations) {
          expect(eq.value).toBe(traceValue(s, layer, eq.name, t, j));
          const last = eq.pieces[eq.pieces.length - 1];
          if (!last || last.kind !== 'num') throw new Error('a line ends with its result');
          expect(last.term.role).toBe('result');
          expect(last.term.value).toBe(eq.value);
          expect(parseTex(last.tex)).toBe(round3(eq.value));
          expect(eq.numeric).toBe(eq.pieces.map((p) => p.tex).join(''));
          const symbol =
            eq.name === 'pre'
              ? 'a'
              : eq.name === 'n' && variant.spec.convention === 'classic'
                ? '\\tilde{h}'
                : eq.name;
          expect(eq.numeric.startsWith(`${symbol}_{${t}}[${j + 1}]{}={}`)).toBe(true);
          // Each later link of the chain "lhs = … = result" starts with "=", where a view may wrap.
          for (const p of eq.pieces)
            if (p.kind === 'tex' && p.opens) expect(p.tex.startsWith('{}={}')).toBe(true);
          expect(eq.pieces.some((p) => p.kind === 'tex' && p.opens)).toBe(true);
          for (const p of eq.pieces) {
            if (p.kind !== 'num') continue;
            expect(p.term.shown).toBe(round3(p.term.value));
            expect(parseTex(p.tex)).toBe(p.term.shown);
            expect(p.term.label.length).toBeGreaterThan(0);
            expect(['i', 'f', 'g', 'o', 'c', 'h', 'r', 'z', 'n', 'pre', 'x']).toContain(
              p.term.quantity,
            );
          }
        }
      }
    });

    it.each(cases)('layer $layer, step $t, unit $j: both notations agree', ({ layer, t, j }) => {
      const pt = numericEquations({ ...s, layer, t, unit: j, notation: 'pytorch' });
      const cc = numericEquations({ ...s, layer, t, unit: j, notation: 'concat' });
      pt.forEach((a, k) => {
        const b = cc[k]!;
        expect(b.name).toBe(a.name);
        expect(b.value).toBe(a.value);
        expect(b.split).toEqual(a.split);
        const values = (e: typeof a, role: string) =>
          e.terms.filter((x) => x.role === role).map((x) => x.value);
        const split = a.split;
        const pytorchN =
          variant.spec.cell === 'gru' && a.name === 'n' && variant.spec.convention !== 'classic';
        if (!split || pytorchN) {
          expect(b.terms.map((x) => x.value)).toEqual(a.terms.map((x) => x.value));
          return;
        }
        // PyTorch: W_ih x + b_ih + W_hh h + b_hh; concat: W·[h, x] as its h and x columns + b.
        expect(a.terms.slice(0, 4).map((x) => x.value)).toEqual([
          split.input,
          split.biasIh,
          split.recurrent,
          split.biasHh,
        ]);
        expect(b.terms.slice(0, 3).map((x) => x.value)).toEqual([
          split.recurrent,
          split.input,
          split.bias,
        ]);
        expect(values(b, 'pre')).toEqual(values(a, 'pre'));
      });
    });
  });
});

describe('the non-gate equations do their arithmetic on the printed operands', () => {
  it('lstm: c = f·c_{t−1} + i·g and h = o·tanh(c)', () => {
    const s = setup(VARIANTS[2]!, 2);
    for (const t of STEPS) {
      const eqs = buildEquations({ ...s, layer: 1, t, unit: 3, notation: 'pytorch' });
      const [f, cPrev, i, g, c] = byName(eqs, 'c').terms.map((x) => x.value) as number[];
      expectClose(f! * cPrev! + i! * g!, c!, 1);
      expect(cPrev).toBe(rowAt(s.trace, 1, 'c', t - 1, 5)[3]);
      const [o, c2, o2, tanhC, h] = byName(eqs, 'h').terms.map((x) => x.value) as number[];
      expect([c2, o2]).toEqual([c, o]);
      expect(tanhC).toBe(Math.tanh(c!));
      expectClose(o! * tanhC!, h!, 1);
    }
  });

  it.each([VARIANTS[3]!, VARIANTS[4]!])('$name: h mixes the right sides with z', (variant) => {
    const s = setup(variant, 1);
    for (const t of STEPS) {
      const eqs = buildEquations({ ...s, layer: 0, t, unit: 1, notation: 'pytorch' });
      const [z, first, z2, second, h] = byName(eqs, 'h').terms.map((x) => x.value) as number[];
      expect(z2).toBe(z);
      const n = rowAt(s.trace, 0, 'n', t, 5)[1];
      const hPrev = rowAt(s.trace, 0, 'h', t - 1, 5)[1];
      // pytorch: (1 − z)·n + z·h_{t−1}; classic: (1 − z)·h_{t−1} + z·h̃.
      expect([first, second]).toEqual(
        variant.spec.convention === 'classic' ? [hPrev, n] : [n, hPrev],
      );
      expectClose((1 - z!) * first! + z! * second!, h!, 1);
    }
  });

  it('rnn relu: h = max(0, a)', () => {
    const s = setup(VARIANTS[1]!, 1);
    for (const t of STEPS) {
      for (const j of UNITS) {
        const eqs = buildEquations({ ...s, layer: 0, t, unit: j, notation: 'concat' });
        const a = byName(eqs, 'pre').value;
        expect(byName(eqs, 'h').value).toBe(Math.max(0, a));
      }
    }
  });
});

describe('out-of-range requests', () => {
  const s = setup(VARIANTS[2]!, 2);
  it.each([
    { layer: 0, t: 0, unit: 0 },
    { layer: 0, t: 7, unit: 0 },
    { layer: 0, t: 1, unit: 5 },
    { layer: 2, t: 1, unit: 0 },
    { layer: 0, t: 1.5, unit: 0 },
  ])('throws a RangeError for layer $layer, step $t, unit $unit', (where) => {
    expect(() => buildEquations({ ...s, ...where, notation: 'pytorch' })).toThrow(RangeError);
  });
});
