// @vitest-environment jsdom
import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useScene } from '../../../src/store';
import { CellDiagram, FLOW_MS } from '../../../src/views/diagram/CellDiagram';
import { FlowRegistry, loadPulses } from '../../../src/views/diagram/flow';
import { resetScene } from './support';

interface Call {
  element: Element;
  keyframes: Keyframe[];
  options: KeyframeAnimationOptions;
}

let calls: Call[] = [];
let animateMock: ReturnType<typeof vi.fn>;
let cancelled = 0;

/**
 * Element.animate as a recorder: `calls` gets one entry per flow an element starts, with
 * the timing it runs with, whether the animation is new or replayed with new timing.
 */
function stubAnimate() {
  calls = [];
  cancelled = 0;
  const animate = vi.fn(function (
    this: Element,
    keyframes: Keyframe[],
    options: KeyframeAnimationOptions,
  ) {
    return recordAnimation(this, keyframes, options);
  });
  Object.defineProperty(Element.prototype, 'animate', {
    value: animate,
    configurable: true,
    writable: true,
  });
  return animate;
}

/** A stand-in Animation of `element` that records each start in `calls`. */
function recordAnimation(
  element: Element,
  keyframes: Keyframe[],
  options: KeyframeAnimationOptions,
): Animation {
  let timing = { ...options };
  calls.push({ element, keyframes, options: timing });
  return {
    cancel: () => void cancelled++,
    play: () => calls.push({ element, keyframes, options: timing }),
    effect: {
      updateTiming: (next: OptionalEffectTiming) => {
        timing = { ...timing, ...next } as KeyframeAnimationOptions;
      },
    },
  } as unknown as Animation;
}

function stubReducedMotion(reduce: boolean) {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    writable: true,
    value: (query: string) => ({ matches: reduce && query.includes('reduce'), media: query }),
  });
}

let now = 0;

beforeEach(async () => {
  await loadPulses();
  now = 10_000;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  resetScene();
  animateMock = stubAnimate();
  stubReducedMotion(false);
});

afterEach(() => {
  vi.restoreAllMocks();
  delete (Element.prototype as { animate?: unknown }).animate;
  delete (window as { matchMedia?: unknown }).matchMedia;
});

describe('per-step flow animation', () => {
  it('animates on a step, in stage order, over 500 ms / speed', () => {
    render(<CellDiagram paneId="A" />);
    expect(calls).toHaveLength(0);
    act(() => useScene.getState().setStep(2));
    expect(calls.length).toBeGreaterThan(20);
    const end = Math.max(...calls.map((c) => Number(c.options.delay) + Number(c.options.duration)));
    expect(end).toBeCloseTo(FLOW_MS, 6);

    // The gates' wires pulse before the cell state's, which pulse before h_t's.
    const delayOf = (wire: string) => {
      const call = calls.find((c) => c.element.getAttribute('data-pulse') === wire);
      if (!call) throw new Error(`no pulse on ${wire}`);
      return Number(call.options.delay);
    };
    expect(delayOf('tap-f')).toBeLessThan(delayOf('f'));
    expect(delayOf('f')).toBeLessThan(delayOf('c'));
    expect(delayOf('c')).toBeLessThan(delayOf('h-right'));

    calls = [];
    now += FLOW_MS; // the next step a whole flow later
    act(() => {
      useScene.getState().setSpeed(2);
      useScene.getState().setStep(3);
    });
    const end2 = Math.max(
      ...calls.map((c) => Number(c.options.delay) + Number(c.options.duration)),
    );
    expect(end2).toBeCloseTo(FLOW_MS / 2, 6);
    expect(cancelled).toBeGreaterThan(0);
  });

  it('skips the flow of a step that comes before half of the previous flow has played', () => {
    render(<CellDiagram paneId="A" />);
    act(() => useScene.getState().setStep(2));
    const first = calls.length;
    expect(first).toBeGreaterThan(20);
    now += FLOW_MS / 2 - 1; // a held arrow key: the next step arrives mid-flow
    act(() => useScene.getState().setStep(3));
    expect(calls).toHaveLength(first);
    expect(cancelled).toBe(first); // the flow in flight stops, its values drawn
    now += FLOW_MS / 2; // the user pauses: the following step flows again
    act(() => useScene.getState().setStep(4));
    expect(calls).toHaveLength(2 * first);
    // ... replaying the animations made on the first step rather than making new ones.
    expect(animateMock).toHaveBeenCalledTimes(first);
  });

  it('makes a step’s animations while the page is idle, so that the first step only replays them', async () => {
    render(<CellDiagram paneId="A" />);
    await vi.waitFor(() => expect(animateMock.mock.calls.length).toBeGreaterThan(20));
    const made = animateMock.mock.calls.length;
    expect(cancelled).toBeGreaterThanOrEqual(made); // none of them left running
    calls = [];
    act(() => useScene.getState().setStep(2));
    expect(calls.length).toBeGreaterThanOrEqual(made); // the first step flows in full …
    expect(animateMock).toHaveBeenCalledTimes(made); // … with the animations made before it
  });

  it('does not animate when the user prefers reduced motion', () => {
    stubReducedMotion(true);
    render(<CellDiagram paneId="A" />);
    act(() => useScene.getState().setStep(2));
    expect(calls).toHaveLength(0);
  });

  it('does not animate on changes other than the step', () => {
    render(<CellDiagram paneId="A" />);
    act(() => useScene.getState().setUnit(3));
    act(() => useScene.getState().setHovered({ pane: 'A', name: 'f' }));
    expect(calls).toHaveLength(0);
  });

  it('stops listening once unmounted', () => {
    const { unmount } = render(<CellDiagram paneId="A" />);
    unmount();
    act(() => useScene.getState().setStep(2));
    expect(calls).toHaveLength(0);
  });
});

describe('FlowRegistry', () => {
  it('registers through stable ref callbacks and forgets on cleanup', () => {
    const flow = new FlowRegistry();
    const ref = flow.ref(1, 'flash');
    expect(flow.ref(1, 'flash')).toBe(ref);
    const el = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    const cleanup = ref(el);
    expect(flow.size).toBe(1);
    cleanup?.();
    expect(flow.size).toBe(0);
  });

  it('skips elements without Element.animate (jsdom) without throwing', () => {
    delete (Element.prototype as { animate?: unknown }).animate;
    const flow = new FlowRegistry();
    flow.ref(0, 'reveal')(document.createElement('div'));
    flow.layer(100)(document.createElement('div'));
    flow.pulse('x', { points: [{ x: 0, y: 0 }], stage: 0, width: 2 });
    expect(() => flow.play(500, 4)).not.toThrow();
  });
});
