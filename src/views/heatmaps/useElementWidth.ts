import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The CSS width of an element, kept current with a ResizeObserver (rounded to whole px,
 * so sub-pixel jitter does not re-render). Where ResizeObserver is missing (jsdom) or the
 * element has no layout yet, `fallback`.
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = (w: number) => setWidth(w > 0 ? Math.round(w) : fallback);
    measure(el.getBoundingClientRect().width);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) measure(entry.contentRect.width);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, fallback]);
  return width;
}
