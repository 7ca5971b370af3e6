import { memo, useId, useState } from 'react';

/** Props of {@link UnitField}. */
export interface UnitFieldProps {
  /** The selected unit, 0-based (shown 1-based). */
  unit: number;
  /** Units of the pane's layer, H; the field clamps into 1..H. */
  hiddenSize: number;
  /** Receives the new unit, 0-based, already clamped into 0..H−1. */
  onChange: (unit: number) => void;
}

/**
 * The "Unit" number input, counted from 1 as students count (unit 1..H), while the store
 * keeps j 0-based. Out-of-range entries snap to the nearest unit; a half-typed or empty
 * entry is left alone until it is a whole number.
 *
 * Memoized: the equations re-render on every step, and React sets an input's `name` and `type`
 * again on each render.
 */
export const UnitField = memo(function UnitField({ unit, hiddenSize, onChange }: UnitFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const change = (text: string) => {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n)) {
      setDraft(text);
      return;
    }
    const shown = Math.min(Math.max(1, Math.round(n)), hiddenSize);
    // Keep what was typed only while it is already the value used.
    setDraft(shown === n ? text : null);
    onChange(shown - 1);
  };
  return (
    <div className="eq-unit">
      <label htmlFor={id}>Unit</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={hiddenSize}
        step={1}
        value={draft ?? String(unit + 1)}
        aria-describedby={`${id}-range`}
        onChange={(e) => change(e.currentTarget.value)}
        onBlur={() => setDraft(null)}
      />
      <span id={`${id}-range`} className="eq-unit-range">
        of {hiddenSize}
      </span>
    </div>
  );
});
