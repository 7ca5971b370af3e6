// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { useBringIntoView } from '../../../src/views/lessons/useBringIntoView';

let scrollTo: ReturnType<typeof vi.fn>;
beforeEach(() => {
  scrollTo = vi.fn();
  vi.stubGlobal('scrollTo', scrollTo);
  vi.stubGlobal('requestAnimationFrame', (run: FrameRequestCallback) => {
    run(0);
    return 1;
  });
  Object.defineProperty(window, 'scrollY', { value: 900, configurable: true });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

it('notes appearing late leave a reader’s scroll alone; a new stop goes back to the top', () => {
  const { rerender } = renderHook(({ key }) => useBringIntoView(undefined, key), {
    initialProps: { key: 'lesson:0:false' },
  });
  expect(scrollTo, 'the reader had scrolled before the notes loaded').not.toHaveBeenCalled();
  rerender({ key: 'lesson:1:false' });
  expect(scrollTo).toHaveBeenCalledWith({ top: 0, behavior: 'auto' });
});

it('keeps a stop’s view in place while the page above it grows, until the reader scrolls', () => {
  // A view 3000 px down whose top moves as panels above it load.
  let viewTop = 3000 - 900; // from the viewport's top, at scrollY 900
  const region = document.createElement('section');
  region.id = 'gradients';
  region.getBoundingClientRect = () => ({ top: viewTop }) as DOMRect;
  document.body.append(region);
  let resized: () => void = () => {};
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(callback: () => void) {
        resized = callback;
      }
      observe() {}
      disconnect() {
        resized = () => {};
      }
    },
  );
  renderHook(() => useBringIntoView(['gradients'], 'lesson:2:true'));
  expect(scrollTo).toHaveBeenLastCalledWith({ top: 3000 - 8, behavior: 'auto' });
  viewTop += 400; // the trained models arrived: the view is 400 px further down
  resized();
  expect(scrollTo).toHaveBeenLastCalledWith({ top: 3400 - 8, behavior: 'auto' });
  window.dispatchEvent(new WheelEvent('wheel'));
  viewTop += 400;
  resized();
  expect(scrollTo, 'the reader scrolled: the page is theirs').toHaveBeenCalledTimes(2);
  region.remove();
});
