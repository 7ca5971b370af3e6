// @vitest-environment jsdom
import { act, render } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useScene } from '../../../src/store';
import { CellDiagram } from '../../../src/views/diagram/CellDiagram';
import { resetScene } from './support';

beforeEach(resetScene);

/** A touch pointer event at (x, y) on `target` (jsdom has no PointerEvent constructor). */
function touch(target: Element, type: 'pointerdown' | 'pointerup', x: number, y: number) {
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.assign(event, {
    pointerType: 'touch',
    pointerId: 7,
    isPrimary: true,
    clientX: x,
    clientY: y,
  });
  act(() => {
    target.dispatchEvent(event);
  });
}

function gesture(target: Element, from: [number, number], to: [number, number]) {
  touch(target, 'pointerdown', ...from);
  touch(target, 'pointerup', ...to);
}

describe('touch on the diagram', () => {
  it('a sideways swipe steps time; a vertical one (a scroll) does not', () => {
    const { container } = render(<CellDiagram paneId="A" />);
    const figure = container.querySelector('.cd-figure')!;
    expect(useScene.getState().t).toBe(1);
    gesture(figure, [300, 100], [150, 110]);
    expect(useScene.getState().t).toBe(2);
    gesture(figure, [300, 100], [150, 105]);
    expect(useScene.getState().t).toBe(3);
    gesture(figure, [100, 100], [260, 100]);
    expect(useScene.getState().t).toBe(2);
    gesture(figure, [100, 100], [130, 300]);
    expect(useScene.getState().t).toBe(2);
  });

  it('a tap on a gate keeps its explanation; a tap on nothing closes it', () => {
    const { container } = render(<CellDiagram paneId="A" />);
    const hovered = () => useScene.getState().hovered;
    act(() => useScene.getState().setHovered({ pane: 'A', name: 'f' }));
    const gate = container.querySelector('[data-gate="f"] .cd-gate-cap')!;
    gesture(gate, [50, 50], [52, 51]);
    expect(hovered()).toEqual({ pane: 'A', name: 'f' });
    gesture(container.querySelector('.cd-body')!, [5, 5], [5, 5]);
    expect(hovered()).toBeNull();
    expect(useScene.getState().t).toBe(1);
  });

  it('a mouse drag is left to the hover handlers', () => {
    const { container } = render(<CellDiagram paneId="A" />);
    const figure = container.querySelector('.cd-figure')!;
    for (const [type, x] of [
      ['pointerdown', 300],
      ['pointerup', 100],
    ] as const) {
      const event = new Event(type, { bubbles: true });
      Object.assign(event, {
        pointerType: 'mouse',
        pointerId: 1,
        isPrimary: true,
        clientX: x,
        clientY: 0,
      });
      act(() => {
        figure.dispatchEvent(event);
      });
    }
    expect(useScene.getState().t).toBe(1);
  });
});
