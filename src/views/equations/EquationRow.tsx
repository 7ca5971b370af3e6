import { memo, useCallback, useLayoutEffect, useRef } from 'react';
import type { NumericEquation } from '../../equations';
import { KatexSpan } from './KatexSpan';
import { NumericLine, type NumericLineHandle } from './NumericLine';
import type { Scheme } from './palette';

/** Props of {@link EquationRow}. */
export interface EquationRowProps {
  /** The equation with its numbers for the current step and unit. */
  numeric: NumericEquation;
  /** LaTeX of the symbolic equation (typeset once per cell, convention and notation). */
  symbolic: string;
  /** Words above the equation: "forget gate". */
  caption: string;
  /** A remark under the equation, or undefined. */
  note?: string;
  /** Quantity named by the shared hover, or null. The row lights up when it is its own. */
  hovered: string | null;
  /** Colour scheme of the page, for the part colours. */
  scheme: Scheme;
  /** Largest |c| of the run (LSTM cell-state colour). */
  cBound: number;
  /**
   * Reports what the pointer or focus is on: the row's quantity, a number's quantity, or
   * null when it leaves the row. The panel forwards it to the store's `setHovered`.
   */
  onHover: (quantity: string | null) => void;
}

/**
 * One equation: caption, the symbolic form, and under it the same equation for the
 * selected unit at the current step with the real numbers. Focusable, so the keyboard
 * can highlight the quantity in every view as the pointer does.
 */
export const EquationRow = memo(function EquationRow({
  numeric,
  symbolic,
  caption,
  note,
  hovered,
  scheme,
  cBound,
  onHover,
}: EquationRowProps) {
  const { name } = numeric;
  const enterRow = useCallback(() => onHover(name), [onHover, name]);
  const leaveRow = useCallback(() => onHover(null), [onHover]);
  // Leaving a number returns the hover to the row it sits in.
  const hoverTerm = useCallback(
    (quantity: string | null) => onHover(quantity ?? name),
    [onHover, name],
  );
  // A step changes the numbers, not the line's structure: they are written in place
  // (NumericLine skips its render then).
  const line = useRef<NumericLineHandle>(null);
  useLayoutEffect(() => line.current?.show(numeric.pieces), [numeric]);
  return (
    <li
      className={hovered === name ? 'eq-row is-highlighted' : 'eq-row'}
      data-equation={name}
      tabIndex={0}
      onMouseEnter={enterRow}
      onMouseLeave={leaveRow}
      onFocus={enterRow}
      onBlur={leaveRow}
    >
      <span className="eq-caption">{caption}</span>
      <KatexSpan latex={symbolic} className="eq-symbolic" />
      <NumericLine
        ref={line}
        pieces={numeric.pieces}
        highlight={hovered}
        scheme={scheme}
        cBound={cBound}
        onHoverTerm={hoverTerm}
      />
      {note && <span className="eq-note">{note}</span>}
    </li>
  );
});
