import { memo, useRef } from 'react';
import { valueColor } from '../colors';
import { formatValue } from '../../format/value';
import { useStepWriter } from './context';
import { HtmlRich } from './HtmlRich';
import type { QuantityLabel } from './labels';
import { plainText } from './rich';
import { type DiagramStep, writeAttr, writeStyle, writeText } from './stepBus';
import { at } from './stepValues';

/** Props of {@link GateChips}. */
export interface GateChipsProps {
  /** The quantities to list, in the order they are computed. */
  labels: readonly QuantityLabel[];
  /** Selected unit j. */
  unit: number;
  /** Quantity whose tooltip is open, if any: its chip points at the tooltip. */
  active: string | null;
  /** DOM id of the tooltip. */
  tooltipId: string;
  /** Focus or pointer entered (`name`) or left (null) a chip. */
  onHover: (name: string | null) => void;
}

/** What a chip prints at a step: its value and, under interventions, the original run's. */
function chipText(label: QuantityLabel, { now, was }: DiagramStep, unit: number) {
  const value = at(now.rows[label.name], unit);
  const before = was ? at(was.rows[label.name], unit) : value;
  const changed = !Object.is(before, value);
  return { value, changed, wasText: changed ? ` (was ${formatValue(before)})` : '' };
}

/** "forget gate f: 0.580": the accessible name of a quantity's chip. */
function chipName(label: QuantityLabel, value: number): string {
  return `${label.title} ${plainText(label.symbol)}: ${formatValue(value)}`;
}

/**
 * The diagram's values as a row of focusable chips under the drawing: the keyboard (and
 * screen-reader) way to the same hover targets as the boxes, since the SVG is one image.
 * Focusing a chip highlights its box and opens its tooltip. Under interventions, a value
 * that differs from the original run's says so: "0.12 (was 0.87)". Each step writes the
 * chips' values, names and swatches.
 */
export const GateChips = memo(function GateChips({
  labels,
  unit,
  active,
  tooltipId,
  onHover,
}: GateChipsProps) {
  return (
    <ul className="cd-chips" aria-label="Values at this step">
      {labels.map((label) => (
        <GateChip
          key={label.name}
          label={label}
          unit={unit}
          active={active === label.name}
          tooltipId={tooltipId}
          onHover={onHover}
        />
      ))}
    </ul>
  );
});

interface GateChipProps {
  label: QuantityLabel;
  unit: number;
  active: boolean;
  tooltipId: string;
  onHover: (name: string | null) => void;
}

/** One chip of {@link GateChips}. */
function GateChip({ label, unit, active, tooltipId, onHover }: GateChipProps) {
  const buttonRef = useRef<HTMLButtonElement>(null);
  const swatchRef = useRef<HTMLSpanElement>(null);
  const valueRef = useRef<HTMLSpanElement>(null);
  const wasRef = useRef<HTMLSpanElement>(null);
  useStepWriter((step) => {
    const { value, changed, wasText } = chipText(label, step, unit);
    const button = buttonRef.current;
    writeAttr(button, 'aria-label', chipName(label, value) + wasText);
    if (changed) writeAttr(button, 'data-changed', 'true');
    else button?.removeAttribute('data-changed');
    writeStyle(swatchRef.current, 'background', valueColor(value, label.range));
    writeText(valueRef.current, formatValue(value));
    writeText(wasRef.current, wasText);
  });
  return (
    <li>
      <button
        ref={buttonRef}
        type="button"
        className={active ? 'cd-chip is-active' : 'cd-chip'}
        data-chip={label.name}
        aria-describedby={active ? tooltipId : undefined}
        onFocus={() => onHover(label.name)}
        onBlur={() => onHover(null)}
        onPointerEnter={() => onHover(label.name)}
        onPointerLeave={() => onHover(null)}
        onClick={() => onHover(label.name)}
      >
        <span ref={swatchRef} className="cd-chip-swatch" />
        <span className="cd-chip-title">{label.title}</span>{' '}
        <span className="cd-chip-symbol">
          <HtmlRich label={label.symbol} />
        </span>{' '}
        <span ref={valueRef} className="cd-chip-value" />
        <span ref={wasRef} className="cd-chip-was" />
      </button>
    </li>
  );
}
