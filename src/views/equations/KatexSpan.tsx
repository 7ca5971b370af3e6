import katex from 'katex';
import { memo, useLayoutEffect, useRef } from 'react';

/** Props of {@link KatexSpan}. */
export interface KatexSpanProps {
  /** LaTeX to typeset; it is parsed with `trust: false`, so no commands reach the DOM as HTML. */
  latex: string;
  /** Class of the wrapping span. */
  className?: string;
}

/**
 * One LaTeX string typeset by `katex.render` into a span from a ref: KaTeX builds DOM
 * nodes, so nothing passes through innerHTML, and the page's CSP (no inline styles in
 * markup) holds. Memoized on `latex`: the same string is typeset once while mounted.
 */
export const KatexSpan = memo(function KatexSpan({ latex, className }: KatexSpanProps) {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    katex.render(latex, element, { trust: false, throwOnError: false, output: 'htmlAndMathml' });
  }, [latex]);
  return <span ref={ref} className={className} />;
});
