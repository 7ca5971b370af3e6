import { describe, expect, it } from 'vitest';
import { lstmGradientCaption } from '../../src/store/cellPathCaption';

/** Geometric norms from `first` (entry 0, all T steps) to `last` (entry T−1, one step). */
function geometric(T: number, first: number, last: number): number[] {
  return Array.from({ length: T }, (_, t) => first * (last / first) ** (t / (T - 1)));
}

/** Π f over the last d steps for a constant forget gate f, d = 0..T. */
function products(T: number, f: number): number[] {
  return Array.from({ length: T + 1 }, (_, d) => f ** d);
}

describe('the LSTM gradient caption', () => {
  it('does not call a conveyor-belt LSTM vanishing: it says both paths', () => {
    // Through h it falls 10³ in 5 steps, while f = 0.99 keeps Π f = 0.99⁵ = 0.951.
    const text = lstmGradientCaption(geometric(5, 1e-3, 1), products(5, 0.99), 2);
    expect(text).not.toMatch(/vanish/);
    expect(text).toMatch(
      /^Through h: from 1 to 5 steps back, the gradient shrinks by a factor of 10³\./,
    );
    expect(text).toContain('cell state c of unit 3');
    expect(text).toContain('Π f = 0.95');
    expect(text).toMatch(/almost undamped/);
  });

  it('says vanishing on both paths when the forget gates close', () => {
    // f = 0.5 over 20 steps: Π f = 2⁻²⁰ ≈ 9.5 × 10⁻⁷, written as the page writes norms.
    const text = lstmGradientCaption(geometric(20, 1e-6, 1), products(20, 0.5), 0);
    expect(text).toMatch(/Through h: .*: vanishing\./);
    expect(text).toContain('Π f = 9.5 × 10⁻⁷');
    expect(text).toMatch(/shrinks by a factor of 10⁶: it vanishes along c as well\.$/);
  });

  it('says a partly kept cell path shrinks a little, without calling it vanishing', () => {
    // f = 0.98 over 40 steps: Π f = 0.98⁴⁰ = 0.446, a factor of 2.2.
    const text = lstmGradientCaption(geometric(40, 1e-4, 1), products(40, 0.98), 6);
    expect(text).not.toMatch(/vanish|undamped/);
    expect(text).toContain('Π f = 0.446');
    expect(text).toContain('shrinks only by a factor of 2.2');
  });
});
