import { useId } from 'react';
import { unknownPlaceholders } from '../../lessons/captions';

/** Props of {@link CaptionField}. */
export interface CaptionFieldProps {
  /** The field's label ("Caption of stop 2"). */
  label: string;
  /** The caption. */
  value: string;
  /** Receives the caption as typed. */
  onChange: (caption: string) => void;
  /** Called with the field when it takes the focus: the placeholder picker inserts there. */
  onFocusField: (field: HTMLTextAreaElement) => void;
  /** Most characters (the lesson file's limit). */
  maxLength: number;
}

/**
 * A caption's text field, with a line under it naming the placeholders Gatescope does not
 * fill (they stay as written when the lesson plays).
 */
export function CaptionField({
  label,
  value,
  onChange,
  onFocusField,
  maxLength,
}: CaptionFieldProps) {
  const id = useId();
  const unknown = unknownPlaceholders(value);
  return (
    <div className="caption-field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={3}
        value={value}
        maxLength={maxLength}
        onChange={(e) => onChange(e.currentTarget.value)}
        onFocus={(e) => onFocusField(e.currentTarget)}
        aria-describedby={unknown.length > 0 ? `${id}-unknown` : undefined}
      />
      {unknown.length > 0 && (
        <p id={`${id}-unknown`} className="caption-unknown">
          Not a placeholder Gatescope fills, shown as written: {unknown.join(', ')}
        </p>
      )}
    </div>
  );
}

/**
 * `text` with `insert` put in place of the field's selection (at its cursor), and where
 * the cursor goes after it.
 */
export function insertAt(
  text: string,
  field: HTMLTextAreaElement | null,
  insert: string,
): { text: string; cursor: number } {
  const start = field ? Math.min(field.selectionStart, text.length) : text.length;
  const end = field ? Math.min(Math.max(field.selectionEnd, start), text.length) : text.length;
  return { text: text.slice(0, start) + insert + text.slice(end), cursor: start + insert.length };
}
