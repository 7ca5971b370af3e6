import { describe, expect, it } from 'vitest';
import { forward } from '../../src/engine';
import { paneRunOf } from '../../src/store';
import { defaultPane, type InputSettings, type PaneSettings } from '../../src/scene';
import {
  forgetProductOf,
  gradientCaption,
  gradientStats,
  hasJacobianNorms,
  jacobianNormsOf,
  saliencyOf,
  type OkPaneRun,
} from '../../src/store/gradients';
import { superscript } from '../../src/format/norm';

const TEXT: InputSettings = {
  kind: 'text',
  text: 'abcab',
  length: 5,
  seed: 0,
  task: 'remember-first',
  numbers: '1',
};
const SINE: InputSettings = { ...TEXT, kind: 'sine', text: '', length: 40 };

function okRun(pane: PaneSettings, input: InputSettings): OkPaneRun {
  const run = paneRunOf(pane, input);
  if (!run.ok) throw new Error(run.error);
  return run;
}

/** Geometric norms from `first` (entry 0, all T steps) to `last` (entry T−1, one step). */
function geometric(T: number, first: number, last: number): number[] {
  return Array.from({ length: T }, (_, t) => first * (last / first) ** (t / (T - 1)));
}

describe('gradientCaption', () => {
  it('reports a 10⁻⁸ shrink as vanishing, with a superscript exponent', () => {
    expect(gradientCaption(geometric(50, 1e-8, 1))).toBe(
      'From 1 to 50 steps back, the gradient shrinks by a factor of 10⁸: vanishing.',
    );
  });

  it('reports a 10³ growth as exploding', () => {
    expect(gradientCaption(geometric(50, 500, 0.5))).toBe(
      'From 1 to 50 steps back, the gradient grows by a factor of 10³: exploding.',
    );
  });

  it('says when the gradient underflowed to exactly 0', () => {
    const norms = [0, 0, 1e-300, 0.01, 0.5];
    expect(gradientCaption(norms)).toBe(
      "From 1 to 5 steps back, the gradient vanishes below float64's range (exactly 0).",
    );
  });

  it('calls a near-constant gradient surviving', () => {
    expect(gradientCaption(geometric(60, 0.8, 1))).toBe(
      'From 1 to 60 steps back, the gradient stays within a factor of 3: it survives.',
    );
    expect(gradientCaption(new Array(60).fill(1))).toMatch(/within a factor of 3: it survives/);
  });

  it('prints small factors plainly, without a verdict', () => {
    expect(gradientCaption(geometric(20, 1 / 5.6, 1))).toBe(
      'From 1 to 20 steps back, the gradient shrinks by a factor of 5.6.',
    );
    expect(gradientCaption(geometric(20, 4.2, 1))).toBe(
      'From 1 to 20 steps back, the gradient grows by a factor of 4.2.',
    );
  });

  it('handles T = 0, T = 1, a zero one-step gradient and overflow', () => {
    expect(gradientCaption([])).toMatch(/No steps/);
    expect(gradientCaption([0.42])).toMatch(/Only one step: ‖∂h_T\/∂h_0‖ = 0\.42/);
    expect(gradientCaption([0, 0, 0])).toMatch(/exactly 0 one step back/);
    expect(gradientCaption([Infinity, 1e200, 2])).toMatch(/beyond float64's range: exploding/);
  });

  it('stays exact when the ratio itself is beyond float64', () => {
    expect(gradientCaption([1e-300, 1e-100, 1e10])).toMatch(/factor of 10³¹⁰: vanishing/);
  });
});

describe('superscript', () => {
  it('writes integers in superscript digits', () => {
    expect(superscript(-12)).toBe('⁻¹²');
    expect(superscript(308)).toBe('³⁰⁸');
    expect(superscript(0)).toBe('⁰');
  });
});

describe('jacobianNormsOf', () => {
  it('returns the same array object for the same run and layer, computing once', () => {
    const run = okRun({ ...defaultPane('A', 'lstm'), numLayers: 2 }, SINE);
    expect(hasJacobianNorms(run, 0)).toBe(false);
    const before = gradientStats.jacobianNorms;
    const first = jacobianNormsOf(run, 0);
    expect(jacobianNormsOf(run, 0)).toBe(first);
    expect(hasJacobianNorms(run, 0)).toBe(true);
    expect(gradientStats.jacobianNorms).toBe(before + 1);
    expect(first).toHaveLength(40);
    // Another layer is another array; an out-of-range layer is clamped to the last.
    const top = jacobianNormsOf(run, 1);
    expect(top).not.toBe(first);
    expect(jacobianNormsOf(run, 7)).toBe(top);
  });

  it('recomputes for a new run (new pane settings)', () => {
    const pane = defaultPane('A', 'rnn');
    const a = jacobianNormsOf(okRun(pane, SINE), 0);
    const b = jacobianNormsOf(okRun({ ...pane, weightScale: 3 }, SINE), 0);
    expect(b).not.toBe(a);
    expect(b[0]).not.toBe(a[0]);
  });
});

describe('forgetProductOf', () => {
  it('is the product of the trace’s forget gates over the last d steps', () => {
    const run = okRun({ ...defaultPane('A', 'lstm'), hiddenSize: 4, seed: 3 }, SINE);
    const j = 2;
    const product = forgetProductOf(run, 0, j)!;
    const f = run.trace.layers[0]!.gates.f!;
    const T = run.trace.T;
    expect(product).toHaveLength(T + 1);
    expect(product[0]).toBe(1);
    for (const d of [1, 2, 7, T]) {
      let expected = 1;
      for (let t = T - d; t < T; t++) expected *= f[t]![j]!;
      expect(product[d]).toBeCloseTo(expected, 14);
    }
    expect(forgetProductOf(run, 0, j)).toBe(product);
  });

  it('is null for cells without a forget gate', () => {
    expect(forgetProductOf(okRun(defaultPane('A', 'gru'), SINE), 0, 0)).toBeNull();
    expect(forgetProductOf(okRun(defaultPane('A', 'rnn'), SINE), 0, 0)).toBeNull();
  });
});

describe('saliencyOf', () => {
  it.each(['rnn', 'lstm', 'gru'] as const)(
    '%s: ‖∂h_T[j]/∂x_t‖ equals a central finite difference',
    (cell) => {
      const pane = { ...defaultPane('A', cell), hiddenSize: 3, numLayers: 2, seed: 11 };
      const run = okRun(pane, TEXT);
      const j = 1;
      const saliency = saliencyOf(run, j);
      expect(saliencyOf(run, j)).toBe(saliency);
      expect(saliency).toHaveLength(5);
      const xs = run.sequence.xs;
      const T = xs.length;
      const loss = (perturbed: number[][]) => forward(run.model, perturbed).outputs[T - 1]![j]!;
      const step = 2;
      const eps = 1e-6;
      let sumSquares = 0;
      for (let i = 0; i < xs[step]!.length; i++) {
        const plus = xs.map((row) => [...row]);
        const minus = xs.map((row) => [...row]);
        plus[step]![i]! += eps;
        minus[step]![i]! -= eps;
        const derivative = (loss(plus) - loss(minus)) / (2 * eps);
        sumSquares += derivative ** 2;
      }
      expect(saliency[step]).toBeGreaterThan(0);
      expect(saliency[step]).toBeCloseTo(Math.sqrt(sumSquares), 8);
    },
  );
});
