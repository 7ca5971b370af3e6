import { useId } from 'react';

/** Props of {@link SelectField}. */
export interface SelectFieldProps<V extends string> {
  /** Visible label, also the accessible name. */
  label: string;
  value: V;
  /** [value, visible text] pairs. */
  options: readonly (readonly [V, string])[];
  onChange: (value: V) => void;
  /** Label above a full-width select, for long option texts. */
  stacked?: boolean;
}

/** A labelled <select> over a fixed set of string keys. */
export function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
  stacked = false,
}: SelectFieldProps<V>) {
  const id = useId();
  return (
    <div className={stacked ? 'field field-stacked' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as V)}>
        {options.map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
