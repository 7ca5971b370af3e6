// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useOneByOne } from '../../../src/views/compare/useOneByOne';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Runs the tasks queued so far (each item's turn is one task). */
const nextTask = () => act(() => vi.advanceTimersToNextTimer());

describe('rendering heavy items one per task', () => {
  it('renders every item at once when they are light', () => {
    const { result } = renderHook(() => useOneByOne(3, false));
    expect(result.current).toBe(3);
  });

  it('renders one item, then one more per task, up to the count', () => {
    const { result } = renderHook(() => useOneByOne(3, true));
    expect(result.current).toBe(1);
    nextTask();
    expect(result.current).toBe(2);
    nextTask();
    expect(result.current).toBe(3);
    nextTask();
    expect(result.current).toBe(3);
  });

  it('waits for the last item rendered to land before rendering the next', () => {
    const { result, rerender } = renderHook(({ landed }) => useOneByOne(3, true, { landed }), {
      initialProps: { landed: 0 },
    });
    nextTask();
    expect(result.current).toBe(1);
    rerender({ landed: 1 });
    expect(result.current).toBe(1); // the next one comes a task later, not in this render
    nextTask();
    expect(result.current).toBe(2);
    nextTask();
    expect(result.current).toBe(2);
    rerender({ landed: 2 });
    nextTask();
    expect(result.current).toBe(3);
  });

  it('can render none in the first task', () => {
    const { result } = renderHook(() => useOneByOne(2, true, { first: 0 }));
    expect(result.current).toBe(0);
    nextTask();
    expect(result.current).toBe(1);
    nextTask();
    expect(result.current).toBe(2);
  });

  it('shows every item when the items turn light, and never more than there are', () => {
    const { result, rerender } = renderHook(({ n, heavy }) => useOneByOne(n, heavy), {
      initialProps: { n: 3, heavy: true },
    });
    rerender({ n: 3, heavy: false });
    expect(result.current).toBe(3);
    rerender({ n: 2, heavy: false });
    expect(result.current).toBe(2);
  });
});
