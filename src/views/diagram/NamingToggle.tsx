import { memo, useId } from 'react';
import type { GateNaming } from '../../scene';

/** Props of {@link NamingToggle}. */
export interface NamingToggleProps {
  /** The naming in use. */
  naming: GateNaming;
  /** Called with the naming picked. */
  onChange: (naming: GateNaming) => void;
}

const OPTIONS: readonly { value: GateNaming; text: string }[] = [
  { value: 'standard', text: 'Standard' },
  { value: 'lfru', text: 'Learn · forget · remember · use' },
];

/**
 * The "Gate names" radio group: textbook names (forget, input, candidate, output) or the
 * learn / forget / remember / use names some courses teach.
 *
 * The diagram re-renders on every step; this group, memoized, does not (React sets a radio's
 * `name` and `type` again on each render, which restyles the group).
 */
export const NamingToggle = memo(function NamingToggle({ naming, onChange }: NamingToggleProps) {
  const group = useId();
  return (
    <div className="cd-naming" role="radiogroup" aria-label="Gate names">
      <span className="cd-naming-title" aria-hidden="true">
        Gate names
      </span>
      {OPTIONS.map(({ value, text }) => (
        <label
          key={value}
          className={naming === value ? 'cd-naming-option is-checked' : 'cd-naming-option'}
        >
          <input
            type="radio"
            name={group}
            value={value}
            checked={naming === value}
            onChange={() => onChange(value)}
          />
          {text}
        </label>
      ))}
    </div>
  );
});
