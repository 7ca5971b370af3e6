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
