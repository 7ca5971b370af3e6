// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useScene } from '../../src/store';
import { centeredScroll, UnrolledStrip } from '../../src/views/UnrolledStrip';

/** jsdom has no layout: each cell is 40 px wide at 40·k px, the row shows `view` px. */
const CELL = 40;
let view = 320;
const restore: (() => void)[] = [];
function stub<K extends keyof HTMLElement>(key: K, get: (el: HTMLElement) => number) {
  const before = Object.getOwnPropertyDescriptor(HTMLElement.prototype, key);
  Object.defineProperty(HTMLElement.prototype, key, {
    configurable: true,
    get(this: HTMLElement) {
      return get(this);
    },
  });
  restore.push(() => {
    if (before) Object.defineProperty(HTMLElement.prototype, key, before);
  });
}
const cells = (el: HTMLElement) => el.querySelectorAll('li').length;
const indexOf = (el: HTMLElement) => {
  const li = el.closest('li');
  return li ? [...li.parentElement!.children].indexOf(li) : 0;
};

beforeEach(() => {
  useScene.setState(useScene.getInitialState(), true);
  useScene.setState({ input: { ...useScene.getState().input, kind: 'sine', length: 60 } });
  stub('offsetLeft', (el) => (el.tagName === 'OL' ? 0 : indexOf(el) * CELL));
  stub('offsetWidth', () => CELL);
  stub('clientWidth', () => view);
  stub('scrollWidth', (el) => cells(el) * CELL);
});
afterEach(() => restore.splice(0).forEach((undo) => undo()));

describe('the unrolled strip keeps the current step in view', () => {
  it.each([15, 25, 40, 60, 1])(
    'at t = %i the highlighted cell lies inside the visible row',
    async (t) => {
      view = 320; // 8 cells of the 25-step window fit
      useScene.setState({ t });
      render(<UnrolledStrip />);
      const list = screen.getByRole('list');
      const current = screen.getByRole('button', { current: 'step' });
      expect(current).toHaveAccessibleName(new RegExp(`^Go to step ${t},`));
      // The strip scrolls in the next frame, once the step's other updates are in.
      await vi.waitFor(() => {
        const left = indexOf(current) * CELL - list.scrollLeft;
        expect(left).toBeGreaterThanOrEqual(0);
        expect(left + CELL).toBeLessThanOrEqual(view);
      });
    },
  );

  it('centres a cell, but never scrolls before the start or past the end', () => {
    expect(centeredScroll(400, 40, 320, 1000)).toBe(260);
    expect(centeredScroll(40, 40, 320, 1000)).toBe(0);
    expect(centeredScroll(960, 40, 320, 1000)).toBe(680);
    expect(centeredScroll(100, 40, 320, 200)).toBe(0); // everything fits
  });
});
