import { isPlainDecimal } from './typeset';
import { KatexSpan } from './KatexSpan';

/** Props of {@link NumberTex}. */
export interface NumberTexProps {
  /** The number as the equation builder wrote it in LaTeX. */
  latex: string;
}

/**
 * One number of an equation: a plain decimal as text in KaTeX's main font (with a true
 * minus sign), anything else ("1.2 \\times 10^{-5}", "\\infty") typeset by KaTeX.
 */
export function NumberTex({ latex }: NumberTexProps) {
  if (!isPlainDecimal(latex)) return <KatexSpan latex={latex} />;
  return <span className="eq-plain-number">{latex.replace('-', '\u2212')}</span>;
}
