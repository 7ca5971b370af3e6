import { memo, useImperativeHandle, useLayoutEffect, useRef, type Ref } from 'react';
import { fullText, type Piece } from '../../equations';
import { lineStructure, wrapPieces, type KeyedPiece } from './layout';
import { chipColors, isPart, PART_COLORS, type Scheme } from './palette';
import { isPlainDecimal, typesetInto } from './typeset';

/** Writes a line's numbers in place: what a step changes, without a React render. */
export interface NumericLineHandle {
  /** Shows `pieces`, which must have the structure the line was rendered with. */
  show(pieces: readonly Piece[]): void;
}

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
  /** The handle through which a step shows its numbers ({@link NumericLineHandle}). */
  ref?: Ref<NumericLineHandle>;
}

/** A plain decimal as shown: with a true minus sign. */
function plainText(tex: string): string {
  return tex.replace('-', '\u2212');
}

/** What a piece's element was last given: a step rewrites only what differs from it. */
interface Written {
  tex: string;
  title?: string;
  background?: string;
  color?: string;
}

/** What each piece's element shows now, as {@link write} left it. */
const written = new WeakMap<HTMLElement, Written>();

/**
 * Writes a piece into its element: the LaTeX of a LaTeX piece; a number's title, value,
 * colour and digits. Skips what the element already shows, as most pieces of a line (its
 * symbols, and any number that did not change) are the same from one step to the next.
 */
function write(element: HTMLElement, piece: Piece, scheme: Scheme, cBound: number): void {
  const was = written.get(element);
  if (piece.kind === 'tex') {
    if (was?.tex !== piece.tex) typesetInto(element, piece.tex);
    written.set(element, { tex: piece.tex });
    return;
  }
  const { term, tex } = piece;
  const now: Written = { tex, title: `${term.label} = ${fullText(term.value)}` };
  if (term.role === 'result') {
    const colors = chipColors(term.quantity, term.value, cBound);
    now.background = colors.background;
    now.color = colors.color;
  } else if (isPart(term.role)) now.color = PART_COLORS[scheme][term.role];
  if (was?.title !== now.title) {
    element.title = now.title!;
    element.dataset.value = String(term.value);
  }
  const { style } = element;
  if (now.background !== undefined && was?.background !== now.background) {
    style.background = now.background;
  }
  if (now.color !== undefined && was?.color !== now.color) style.color = now.color;
  written.set(element, now);
  if (was?.tex === tex) return;
  const content = element.firstElementChild as HTMLElement | null;
  if (!content) return;
  if (isPlainDecimal(tex)) content.textContent = plainText(tex);
  else typesetInto(content, tex);
}

/**
 * An equation with its numbers in, typeset piece by piece so that each number is its
 * own element: a title with the full-precision value and what it is, data attributes
 * for tests and highlighting, and its part's colour. Between pieces the line may wrap.
 * React renders the line's structure (which pieces, their roles and where it wraps); the
 * values (the numbers, the step in the LaTeX heads, the result's colour) are written into
 * those elements in place, by this component after it renders and by its row through
 * {@link NumericLineHandle.show} on a step, which leaves the structure as it is and so
 * re-renders nothing. Plain decimals are text in KaTeX's font; LaTeX pieces and powers of
 * ten are typeset once per shape and rewritten in place (typeset.ts).
 */
export const NumericLine = memo(function NumericLine({
  pieces,
  highlight,
  scheme,
  cBound,
  onHoverTerm,
  ref,
}: NumericLineProps) {
  /** The element of each piece, by its index in the line. */
  const elements = useRef(new Map<number, HTMLElement>());
  const at = (key: number) => (element: HTMLElement | null) => {
    if (element) elements.current.set(key, element);
    else elements.current.delete(key);
  };
  /** What the elements show now, in which colours (a row and the line itself may both ask). */
  const showing = useRef<{ pieces: readonly Piece[]; scheme: Scheme; cBound: number } | null>(null);
  const show = (shown: readonly Piece[]) => {
    const now = showing.current;
    if (now && now.pieces === shown && now.scheme === scheme && now.cBound === cBound) return;
    showing.current = { pieces: shown, scheme, cBound };
    shown.forEach((piece, key) => {
      const element = elements.current.get(key);
      if (element) write(element, piece, scheme, cBound);
    });
  };
  useImperativeHandle(ref, () => ({ show }));
  useLayoutEffect(() => show(pieces));

  const render = ({ piece, key }: KeyedPiece) => {
    // Keys by kind: an element filled in place is never reused for another kind of piece.
    if (piece.kind === 'tex') return <span key={`t${key}`} ref={at(key)} className="eq-tex" />;
    const { term } = piece;
    const classes = ['eq-num', `eq-num--${term.role}`];
    if (highlight === term.quantity) classes.push('is-highlighted');
    return (
      <span
        key={`n${key}`}
        ref={at(key)}
        className={classes.join(' ')}
        data-quantity={term.quantity}
        data-role={term.role}
        onMouseEnter={() => onHoverTerm(term.quantity)}
        onMouseLeave={() => onHoverTerm(null)}
      >
        {isPlainDecimal(piece.tex) ? (
          <span key="plain" className="eq-plain-number" />
        ) : (
          <span key="tex" />
        )}
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
}, sameLine);

/**
 * Whether React may skip re-rendering a line: the same structure (pieces, roles, wrapping)
 * and the same highlight, colours and handler. Its values then change in place.
 */
function sameLine(a: NumericLineProps, b: NumericLineProps): boolean {
  return (
    a.highlight === b.highlight &&
    a.scheme === b.scheme &&
    a.cBound === b.cBound &&
    a.onHoverTerm === b.onHoverTerm &&
    a.ref === b.ref &&
    (a.pieces === b.pieces || lineStructure(a.pieces) === lineStructure(b.pieces))
  );
}
