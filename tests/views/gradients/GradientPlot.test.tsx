// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { useScene } from '../../../src/store';
import { GradientPlot, type PlotCurve } from '../../../src/views/gradients/GradientPlot';
import { formatNorm } from '../../../src/format/norm';
import { keepAxis, logAxisOf } from '../../../src/views/gradients/logAxis';
import { plotLayout } from '../../../src/views/gradients/plotLayout';

/** The plot's geometry before its width is measured (jsdom lays nothing out). */
const LAYOUT = plotLayout(0, 14);

beforeEach(() => {
  useScene.setState(useScene.getInitialState(), true);
});

const curve = (values: number[], patch: Partial<PlotCurve> = {}): PlotCurve => ({
  key: 'A-norm',
  pane: 'A',
  label: 'A — RNN',
  color: '#0072B2',
  dashed: false,
  values,
  firstDistance: 1,
  ...patch,
});

describe('GradientPlot', () => {
  it('has its accessible name', () => {
    render(<GradientPlot curves={[curve([0.5, 0.25])]} maxDistance={2} layout={LAYOUT} />);
    expect(screen.getByRole('img', { name: 'Vanishing-gradient plot' })).toBeTruthy();
  });

  it('draws exact zeros as floor markers and overflow as top markers, no NaN in any path', () => {
    const values = [0.5, 1e-3, 1e-9, 0, 0, Infinity, NaN];
    render(<GradientPlot curves={[curve(values)]} maxDistance={values.length} layout={LAYOUT} />);
    const svg = screen.getByRole('img', { name: 'Vanishing-gradient plot' });
    for (const path of svg.querySelectorAll('path')) {
      expect(path.getAttribute('d')).not.toMatch(/NaN|Infinity|undefined/);
    }
    const [floor, top] = [...svg.querySelectorAll('path.curve-marker')].map((p) =>
      p.getAttribute('d')!,
    );
    expect(floor!.match(/M/g)).toHaveLength(2);
    expect(top!.match(/M/g)).toHaveLength(2);
    // The line runs through the three finite values only.
    const line = svg.querySelector('path.curve-line')!.getAttribute('d')!;
    expect(line.match(/[ML]/g)).toHaveLength(3);
    const rows = [...svg.querySelectorAll('text.floor-label')].map((t) => t.textContent);
    expect(rows).toEqual(['0', '∞']);
  });

  it('labels both axes in words', () => {
    render(<GradientPlot curves={[curve([0.5])]} maxDistance={1} layout={LAYOUT} />);
    expect(screen.getByText('steps back in time, T − t')).toBeTruthy();
    expect(screen.getByText(/gradient norm ‖∂h/).textContent).toBe(
      'gradient norm ‖∂hT/∂ht‖ (log scale)',
    );
  });
});

describe('logAxisOf', () => {
  it('ticks at powers of ten including 1, at most ~6, covering the data', () => {
    const axis = logAxisOf([[3e-40, 0.2, 7]]);
    expect(axis.tickExponents).toContain(0);
    expect(axis.tickExponents.length).toBeLessThanOrEqual(7);
    expect(axis.low).toBeLessThanOrEqual(3e-40);
    expect(axis.high).toBeGreaterThanOrEqual(7);
    for (const e of axis.tickExponents) expect(Number.isInteger(e)).toBe(true);
  });

  it('puts the zero floor below the smallest positive value, within float64', () => {
    const axis = logAxisOf([[1, 1e-12, 0]]);
    expect(axis.hasZero).toBe(true);
    expect(axis.low).toBeLessThan(1e-12);
    expect(axis.tickExponents).not.toContain(axis.lowExponent);
    const tiny = logAxisOf([[1e-320, 0]]);
    expect(tiny.low).toBeGreaterThan(0);
  });

  it('keeps every tick but 1 half a stride clear of the zero and overflow rows, even at float64’s ends', () => {
    // Strides of 100 decades: 10⁻³⁰⁰ would sit 23 decades above the floor at 10⁻³²³.
    for (const values of [
      [1, 1e-310, 0],
      [1, 1e-250, 0],
      [1, 1e300, Infinity],
      [1e-300, 1e300, 0, Infinity],
    ]) {
      const axis = logAxisOf([values]);
      const stride = axis.tickExponents[1]! - axis.tickExponents[0]!;
      for (const e of axis.tickExponents.filter((e) => e !== 0)) {
        if (axis.hasZero)
          expect(e - axis.lowExponent, `${e} in ${values}`).toBeGreaterThanOrEqual(stride / 4);
        if (axis.hasOverflow)
          expect(axis.highExponent - e, `${e} in ${values}`).toBeGreaterThanOrEqual(stride / 4);
      }
      expect(axis.tickExponents).toContain(0);
    }
  });
});

/** A norm falling geometrically from 1 to `end` over 50 steps back. */
const decay = (end: number) => Array.from({ length: 50 }, (_, k) => end ** ((k + 1) / 50));

describe('the axis while the curves move (a weight-scale drag)', () => {
  /** The y-tick labels and the height of the curve's last point, as drawn. */
  function drawn(container: HTMLElement) {
    const ticks = [...container.querySelectorAll('.y-tick .tick-label')].map((t) => t.textContent);
    const d = container.querySelector('path.curve-line')!.getAttribute('d')!;
    const last = Number(d.split(/[ML]/).at(-1)!.split(',')[1]);
    return { ticks, last };
  }

  it('keeps its decades while the curve still fills half of them, so the curve is seen to rise', () => {
    const { container, rerender } = render(
      <GradientPlot curves={[curve(decay(1e-50))]} maxDistance={50} layout={LAYOUT} />,
    );
    const before = drawn(container);
    rerender(<GradientPlot curves={[curve(decay(1e-40))]} maxDistance={50} layout={LAYOUT} />);
    const after = drawn(container);
    expect(after.ticks).toEqual(before.ticks);
    expect(after.last).toBeLessThan(before.last - 10); // higher on screen: smaller y
    // Falling to a tenth of the span, the curve would be a sliver: the axis fits it again.
    rerender(<GradientPlot curves={[curve(decay(1e-4))]} maxDistance={50} layout={LAYOUT} />);
    expect(drawn(container).ticks).not.toEqual(before.ticks);
    expect(drawn(container).ticks).toContain(formatNorm(1e-4));
  });

  it('refits when values leave it, or a zero row comes or goes', () => {
    const shown = logAxisOf([decay(1e-50)]);
    expect(keepAxis(shown, logAxisOf([decay(1e-30)]))).toBe(shown);
    expect(keepAxis(shown, logAxisOf([decay(1e-60)]))).not.toBe(shown);
    expect(keepAxis(shown, logAxisOf([[...decay(1e-30), 0]]))).not.toBe(shown);
    expect(keepAxis(shown, logAxisOf([[1e3, ...decay(1e-30)]]))).not.toBe(shown);
  });
});

describe('formatNorm', () => {
  it('prints plain numbers, powers of ten, zero and overflow', () => {
    expect(formatNorm(0.4237)).toBe('0.424');
    expect(formatNorm(3.2e-8)).toBe('3.2 × 10⁻⁸');
    expect(formatNorm(9.97e-8)).toBe('1 × 10⁻⁷');
    expect(formatNorm(1e-20)).toBe('10⁻²⁰');
    expect(formatNorm(0)).toBe('0 (below float64)');
    expect(formatNorm(Infinity)).toBe('∞ (beyond float64)');
  });
});
