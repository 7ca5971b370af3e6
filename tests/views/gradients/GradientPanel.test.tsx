// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useScene } from '../../../src/store';
import { defaultPane, type PaneSettings } from '../../../src/scene';
import { gradientStats } from '../../../src/store/gradients';
import { GradientPanel } from '../../../src/views/gradients/GradientPanel';
import { PANE_COLORS } from '../../../src/views/gradients/paneColors';

beforeEach(() => {
  useScene.setState(useScene.getInitialState(), true);
});

/** A scene on a sine input of length T with these panes (ids A, B, C in order). */
function scene(T: number, panes: Partial<PaneSettings>[]) {
  const ids = ['A', 'B', 'C'] as const;
  useScene.setState({
    input: {
      kind: 'sine',
      text: 'unused',
      length: T,
      seed: 0,
      task: 'remember-first' as const,
      numbers: '1',
    },
    panes: panes.map((patch, k) => ({ ...defaultPane(ids[k]!), hiddenSize: 6, ...patch })),
    t: 1,
  });
}

const plot = () => screen.findByRole('img', { name: 'Vanishing-gradient plot' });

describe('GradientPanel', () => {
  it('draws one solid curve per pane in its colour, and a dashed forget product per LSTM', async () => {
    scene(30, [{ cell: 'lstm' }, { cell: 'gru' }, { cell: 'rnn' }]);
    render(<GradientPanel />);
    const svg = await plot();
    const solid = svg.querySelectorAll('g.curve:not(.dashed) > path.curve-line');
    expect(solid).toHaveLength(3);
    const strokes = [...svg.querySelectorAll('g.curve:not(.dashed)')].map((g) =>
      g.getAttribute('stroke'),
    );
    expect(strokes).toEqual([PANE_COLORS.A, PANE_COLORS.B, PANE_COLORS.C]);
    expect(svg.querySelectorAll('g.curve.dashed')).toHaveLength(1);
    for (const path of solid) expect(path.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    expect(screen.getByText('A — Π f (cell path, unit 1)')).toBeTruthy();
    expect(screen.getAllByText('C — RNN').length).toBeGreaterThan(0);
  });

  it('prints a computed caption per pane', async () => {
    scene(30, [{ cell: 'rnn', weightScale: 0.5 }, { cell: 'lstm' }]);
    render(<GradientPanel />);
    await plot();
    const captions = screen.getAllByText(/from 1 to 30 steps back, the gradient/i);
    expect(captions).toHaveLength(2);
    expect(captions[0]?.textContent).toMatch(/shrinks by a factor of 10[⁰¹²³⁴⁵⁶⁷⁸⁹]+: vanishing/);
    // The LSTM's says what happens through h and along its cell state.
    expect(captions[1]?.textContent).toMatch(/LSTM: Through h: from 1 to 30 steps back/);
    expect(captions[1]?.textContent).toMatch(/Along the cell state c of unit 1, .* Π f = /);
  });

  it('uses a log y axis: decade ticks, evenly spaced', async () => {
    scene(40, [{ cell: 'rnn', weightScale: 0.5 }]);
    render(<GradientPanel />);
    const svg = await plot();
    const ticks = [...svg.querySelectorAll('g.y-tick')];
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    const values = ticks.map((tick) => Number(tick.getAttribute('data-value')));
    for (const v of values) expect(Math.log10(v)).toBeCloseTo(Math.round(Math.log10(v)), 9);
    expect(values).toContain(1);
    const ys = ticks.map((tick) =>
      Number(/translate\(0,([-\d.e]+)\)/.exec(tick.getAttribute('transform')!)![1]),
    );
    const gaps = ys.slice(1).map((y, k) => ys[k]! - y);
    for (const gap of gaps) expect(gap).toBeCloseTo(gaps[0]!, 6);
  });

  it('draws a gradient that underflowed to exactly 0 as floor markers, never NaN', async () => {
    // A tiny relu RNN: each step multiplies the gradient by ~0.01, so it reaches 0.
    scene(400, [{ cell: 'rnn', nonlinearity: 'relu', weightScale: 0.01 }]);
    render(<GradientPanel />);
    const svg = await plot();
    for (const path of svg.querySelectorAll('path')) {
      expect(path.getAttribute('d') ?? '').not.toMatch(/NaN|Infinity/);
    }
    const markers = svg.querySelector('g.curve path.curve-marker');
    expect(markers?.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+h10L/);
    expect(screen.getByText("exactly 0: below float64's range")).toBeTruthy();
    expect(screen.getByText(/vanishes below float64's range/)).toBeTruthy();
  });

  it('never recomputes on a step; a new weight scale redraws', async () => {
    scene(30, [{ cell: 'lstm' }]);
    render(<GradientPanel />);
    const svg = await plot();
    const before = gradientStats.jacobianNorms;
    const d = svg.querySelector('g.curve path.curve-line')!.getAttribute('d');
    act(() => useScene.getState().setStep(12));
    expect(gradientStats.jacobianNorms).toBe(before);
    act(() => void useScene.getState().updatePane('A', { weightScale: 3 }));
    const after = (await plot()).querySelector('g.curve path.curve-line')!.getAttribute('d');
    expect(after).not.toBe(d);
    expect(gradientStats.jacobianNorms).toBe(before + 1);
  });

  it('shows input saliency per pane; clicking a bar goes to its step', async () => {
    scene(20, [{ cell: 'lstm' }, { cell: 'gru' }]);
    render(<GradientPanel />);
    await plot();
    const strips = screen.getAllByRole('img', {
      name: /^Input saliency: gradient of the selected unit's final value with respect to each input/,
    });
    expect(strips).toHaveLength(2);
    // One bar per step, all in one path.
    const bars = strips[0]!.querySelector('path.saliency-bar')!.getAttribute('d')!;
    expect(bars.match(/M/g)).toHaveLength(20);
    // The hit area spans the 20 steps: a click 6.5 steps in goes to step 7.
    const hit = strips[1]!.querySelector<SVGRectElement>('rect.saliency-hit')!;
    hit.getBoundingClientRect = () => ({ left: 100, top: 0, width: 200, height: 50 }) as DOMRect;
    fireEvent.click(hit, { clientX: 100 + 6.5 * 10 });
    expect(useScene.getState().t).toBe(7);
    expect(strips[0]?.textContent).toMatch(/t = 7/);
    // Pointing at step 3 reports its input x to the other views and marks its column.
    fireEvent.pointerMove(hit, { clientX: 100 + 2.2 * 10 });
    expect(useScene.getState().hovered).toEqual({ pane: 'B', name: 'x', step: 3 });
    expect(strips[1]!.querySelector('rect.saliency-hover')).not.toBeNull();
    fireEvent.pointerLeave(hit);
    expect(useScene.getState().hovered).toBeNull();
  });

  it('hovering the plot shows the values and points the other views at h', async () => {
    scene(20, [{ cell: 'rnn' }]);
    render(<GradientPanel />);
    const svg = await plot();
    svg.getBoundingClientRect = () => ({ left: 0, top: 0, width: 640, height: 360 }) as DOMRect;
    const hit = svg.querySelector('rect.plot-hit')!;
    // x = 76 + 540 · 5/20 is distance 5.
    fireEvent.pointerMove(hit, { clientX: 76 + (540 * 5) / 20, clientY: 150 });
    expect(screen.getByText(/^5 steps back/)).toBeTruthy();
    expect(useScene.getState().hovered).toEqual({ pane: 'A', name: 'h', step: 15 });
    fireEvent.pointerLeave(hit);
    expect(useScene.getState().hovered).toBeNull();
  });
});
