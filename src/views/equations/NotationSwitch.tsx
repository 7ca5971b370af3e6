import { memo, useId } from 'react';
import type { Notation } from '../../equations';

/** The two ways to write a pre-activation, as the switch labels them. */
const NOTATION_LABELS: Readonly<Record<Notation, string>> = {
  concat: 'W·[h, x] + b (course notes)',
  pytorch: 'W_ih x + b_ih + W_hh h + b_hh (PyTorch)',
};

/** Props of {@link NotationSwitch}. */
export interface NotationSwitchProps {
  /** The notation shown. */
  value: Notation;
  /** Called with the notation the user picks. */
  onChange: (notation: Notation) => void;
}

/**
 * A radio group named "Notation": the course notes' concatenated form or PyTorch's.
 *
 * Memoized: the equations re-render on every step, and React sets a radio's `name` and `type`
 * again on each render, which restyles the group.
 */
export const NotationSwitch = memo(function NotationSwitch({
  value,
  onChange,
}: NotationSwitchProps) {
  const id = useId();
  const name = `${id}-notation`;
  return (
    <fieldset className="eq-notation" role="radiogroup" aria-labelledby={`${id}-legend`}>
      <legend id={`${id}-legend`}>Notation</legend>
      {(['concat', 'pytorch'] as const).map((notation) => (
        <label key={notation}>
          <input
            type="radio"
            name={name}
            value={notation}
            checked={value === notation}
            onChange={() => onChange(notation)}
          />
          {NOTATION_LABELS[notation]}
        </label>
      ))}
    </fieldset>
  );
});
