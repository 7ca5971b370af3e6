import { memo, useId, useState } from 'react';

/** Props of {@link NumberField}. */
export interface NumberFieldProps {
  /** Visible label, also the accessible name. */
  label: string;
  /** The current valid value from the store. */
  value: number;
  /** Tries a new value; returns a message when it is refused (the store keeps the old one). */
  onCommit: (value: number) => string | null;
  min?: number;
  max?: number;
  /** Granularity of the spin buttons; default 1. */
  step?: number;
}

/**
 * A number input that commits each valid value as it is typed and shows why an invalid
 * one was refused, next to the field, while the previous valid value stays in force.
 * Memoized: with a stable `onCommit` it renders only when its own props change.
 */
export const NumberField = memo(function NumberField({
  label,
  value,
  onCommit,
  min,
  max,
  step = 1,
}: NumberFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const change = (text: string) => {
    setDraft(text);
    const n = text.trim() === '' ? Number.NaN : Number(text);
    const error = Number.isNaN(n) ? `${label} must be a number.` : onCommit(n);
    setMessage(error);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        value={draft ?? String(value)}
        min={min}
        max={max}
        step={step}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-message` : undefined}
        onChange={(e) => change(e.currentTarget.value)}
        onBlur={() => setDraft(null)}
      />
      {message && (
        <p id={`${id}-message`} className="field-message" role="alert">
          {message}
        </p>
      )}
    </div>
  );
});
