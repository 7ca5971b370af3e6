import { memo } from 'react';
import { fullText, type Piece } from '../../equations';
import { KatexSpan } from './KatexSpan';
import { NumberTex } from './NumberTex';
import { wrapPieces, type KeyedPiece } from './layout';
import { chipColors, isPart, PART_COLORS, type Scheme } from './palette';

/** Props of {@link NumericLine}. */
export interface NumericLineProps {
  /** The line's pieces from the equation builder: LaTeX, and numbers with their terms. */
  pieces: readonly Piece[];
  /** Quantity named by the shared hover ('f', 'x', 'h' …); its numbers are highlighted. */
  highlight: string | null;
  /** Colour scheme of the page, for the part colours. */
  scheme: Scheme;
  /** Largest |c| of the run, for the colour of an LSTM cell-state result. */
  cBound: number;
  /** Called with a number's quantity when the pointer enters it, and with null when it leaves. */
  onHoverTerm: (quantity: string | null) => void;
}

/**
 * An equation with its numbers in, typeset piece by piece so that each number is its
 * own element: a title with the full-precision value and what it is, data attributes
 * for tests and highlighting, and its part's colour. Between pieces the line may wrap.
 * LaTeX pieces keep their typeset DOM across steps (they rarely change); the numbers,
 * which change on every step, are plain text in KaTeX's font unless they need LaTeX
 * (powers of ten), so a step costs no typesetting.
 */
export const NumericLine = memo(function NumericLine({
  pieces,
  highlight,
  scheme,
  cBound,
  onHoverTerm,
}: NumericLineProps) {
  const render = ({ piece, key }: KeyedPiece) => {
    if (piece.kind === 'tex') return <KatexSpan key={key} latex={piece.tex} className="eq-tex" />;
    const { term } = piece;
    const style =
      term.role === 'result'
        ? chipColors(term.quantity, term.value, cBound)
        : isPart(term.role)
          ? { color: PART_COLORS[scheme][term.role] }
          : undefined;
    const classes = ['eq-num', `eq-num--${term.role}`];
    if (highlight === term.quantity) classes.push('is-highlighted');
    return (
      <span
        key={key}
        className={classes.join(' ')}
        style={style}
        title={`${term.label} = ${fullText(term.value)}`}
        data-quantity={term.quantity}
        data-role={term.role}
        data-value={String(term.value)}
        onMouseEnter={() => onHoverTerm(term.quantity)}
        onMouseLeave={() => onHoverTerm(null)}
      >
        <NumberTex latex={piece.tex} />
      </span>
    );
  };
  return (
    <span className="eq-numeric">
      {wrapPieces(pieces).map((atom) => (
        <span key={atom[0]?.key} className="eq-atom">
          {atom.map(render)}
        </span>
      ))}
    </span>
  );
});
