import { valueColor } from '../colors';
import { formatValue } from '../../format/value';
import { HtmlRich } from './HtmlRich';
import type { QuantityLabel } from './labels';
import { plainText } from './rich';
import { at, type StepValues } from './stepValues';

/** Props of {@link GateChips}. */
export interface GateChipsProps {
  /** The quantities to list, in the order they are computed. */
  labels: readonly QuantityLabel[];
  /** The step's numbers. */
  values: StepValues;
  /** Selected unit j. */
  unit: number;
  /** Quantity whose tooltip is open, if any: its chip points at the tooltip. */
  active: string | null;
  /** DOM id of the tooltip. */
  tooltipId: string;
  /** Focus or pointer entered (`name`) or left (null) a chip. */
  onHover: (name: string | null) => void;
  /** The original run's numbers when interventions changed this run: shown where they differ. */
  was?: StepValues | null;
}

/** "forget gate f: 0.580": the accessible name of a quantity's chip. */
function chipName(label: QuantityLabel, value: number): string {
  return `${label.title} ${plainText(label.symbol)}: ${formatValue(value)}`;
}

/**
 * The diagram's values as a row of focusable chips under the drawing: the keyboard (and
 * screen-reader) way to the same hover targets as the boxes, since the SVG is one image.
 * Focusing a chip highlights its box and opens its tooltip. Under interventions, a value
 * that differs from the original run's says so: "0.12 (was 0.87)".
 */
export function GateChips(props: GateChipsProps) {
  const { labels, values, unit, active, tooltipId, onHover, was } = props;
  return (
    <ul className="cd-chips" aria-label="Values at this step">
      {labels.map((label) => {
        const value = at(values.rows[label.name], unit);
        const before = was ? at(was.rows[label.name], unit) : value;
        const changed = !Object.is(before, value);
        const wasText = changed ? ` (was ${formatValue(before)})` : '';
        return (
          <li key={label.name}>
            <button
              type="button"
              className={active === label.name ? 'cd-chip is-active' : 'cd-chip'}
              data-chip={label.name}
              aria-label={chipName(label, value) + wasText}
              data-changed={changed || undefined}
              aria-describedby={active === label.name ? tooltipId : undefined}
              onFocus={() => onHover(label.name)}
              onBlur={() => onHover(null)}
              onPointerEnter={() => onHover(label.name)}
              onPointerLeave={() => onHover(null)}
              onClick={() => onHover(label.name)}
            >
              <span
                className="cd-chip-swatch"
                style={{ background: valueColor(value, label.range) }}
              />
              <span className="cd-chip-title">{label.title}</span>{' '}
              <span className="cd-chip-symbol">
                <HtmlRich label={label.symbol} />
              </span>{' '}
              <span className="cd-chip-value">{formatValue(value)}</span>
              {changed && <span className="cd-chip-was">{wasText}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
