import { useLayoutEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/** Each observed element's width setter. */
const setters = new Map<Element, (width: number) => void>();
let observer: ResizeObserver | null = null;

/**
 * One observer for every measured element. The browser reports each element's size after
 * layout and before paint, the first time as soon as it is observed, so no element is
 * measured by forcing a layout (a page of eighteen heatmaps used to force eighteen). The
 * widths reported together are set in one synchronous render: drawn in the same frame,
 * with no jump from the fallback width.
 */
function sharedObserver(): ResizeObserver {
  observer ??= new ResizeObserver((entries) => {
    flushSync(() => {
      for (const entry of entries) setters.get(entry.target)?.(entry.contentRect.width);
    });
  });
  return observer;
}

/**
 * The CSS width of an element, kept current with a ResizeObserver (rounded to whole px,
 * so sub-pixel jitter does not re-render). Until the first report, and where
 * ResizeObserver is missing (jsdom) or the element has no layout, `fallback`.
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    setters.set(el, (w) => setWidth(w > 0 ? Math.round(w) : fallback));
    const shared = sharedObserver();
    shared.observe(el);
    return () => {
      shared.unobserve(el);
      setters.delete(el);
    };
  }, [ref, fallback]);
  return width;
}
