import { memo, useLayoutEffect, useRef } from 'react';
import { typesetInto } from './typeset';

/** Props of {@link KatexSpan}. */
export interface KatexSpanProps {
  /** LaTeX to typeset; it is parsed with `trust: false`, so no commands reach the DOM as HTML. */
  latex: string;
  /** Class of the wrapping span. */
  className?: string;
}

/**
 * One LaTeX string typeset by KaTeX into a span from a ref: KaTeX builds DOM nodes, so
 * nothing passes through innerHTML, and the page's CSP (no inline styles in markup)
 * holds. Memoized on `latex`; a string that differs from an earlier one only in its
 * digits (the next step's subscript) has its digits rewritten in place ({@link typesetInto}).
 */
export const KatexSpan = memo(function KatexSpan({ latex, className }: KatexSpanProps) {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    typesetInto(element, latex);
  }, [latex]);
  return <span ref={ref} className={className} />;
});
