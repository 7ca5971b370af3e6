import { memo } from 'react';
import type { ValueRange } from '../colors';
import { pathNumber as r } from '../../format/pathNumber';
import { useDiagram } from './context';
import {
  BARS_UP_TO_UNITS,
  NEGATIVE_FILL,
  POSITIVE_FILL,
  UNIT_FILL,
  UnitHistogram,
} from './UnitHistogram';

/** Props of {@link UnitBars}. */
export interface UnitBarsProps {
  /** Left edge, viewBox units. */
  x: number;
  /** Top edge, viewBox units. */
  y: number;
  width: number;
  height: number;
  /** One value per unit, [H]. */
  values: ArrayLike<number>;
  /** `unit`: bars rise from the bottom over [0, 1]; `signed`: up or down from a midline over [−1, 1]. */
  range: ValueRange;
}

/**
 * A strip of one bar per unit (above {@link BARS_UP_TO_UNITS} units, a histogram of their
 * values instead: {@link UnitHistogram}), its length the unit's value (a gate's [0, 1] from the
 * bottom; a tanh-range value up or down from a midline, the two directions in the two
 * colours of the diverging scale). The selected unit sits on a tinted column and its bar
 * carries an outline. Clicking a column selects that unit.
 *
 * Built for stepping: the columns (one element per unit) re-render only when the unit or
 * the geometry changes; the bars of all units are one path per direction, so a step
 * changes two or three attributes per box, not three per unit.
 */
export function UnitBars({ x, y, width, height, values, range }: UnitBarsProps) {
  const { unit, selectUnit } = useDiagram();
  const H = values.length;
  if (H === 0) return null;
  if (H > BARS_UP_TO_UNITS) {
    return (
      <UnitHistogram
        x={x}
        y={y}
        width={width}
        height={height}
        values={values}
        range={range}
        unit={unit}
      />
    );
  }
  const step = width / H;
  const gap = step >= 5 ? 1 : 0;
  const base = range === 'unit' ? y + height : y + height / 2;
  const span = range === 'unit' ? height : height / 2;
  const up: string[] = [];
  const down: string[] = [];
  let selected = { top: base, length: 0 };
  const barWidth = Math.max(0.5, step - gap);
  for (let j = 0; j < H; j++) {
    const v = values[j] ?? 0;
    const m = Number.isFinite(v) ? Math.min(1, Math.abs(range === 'unit' ? Math.max(0, v) : v)) : 0;
    const length = Math.max(1, m * span);
    const negative = range === 'signed' && v < 0;
    const top = negative ? base : base - length;
    const left = x + j * step + gap / 2;
    (negative ? down : up).push(
      `M${r(left)} ${r(top)}h${r(barWidth)}v${r(length)}h${r(-barWidth)}z`,
    );
    if (j === unit) selected = { top, length };
  }
  return (
    <g className="cd-bars">
      <UnitColumns
        x={x}
        y={y}
        width={width}
        height={height}
        H={H}
        unit={unit}
        onSelect={selectUnit}
      />
      <line className="cd-bars-base" x1={x} x2={x + width} y1={base} y2={base} />
      <path
        className="cd-bars-up"
        d={up.join('')}
        fill={range === 'unit' ? UNIT_FILL : POSITIVE_FILL}
      />
      {range === 'signed' && (
        <path className="cd-bars-down" d={down.join('')} fill={NEGATIVE_FILL} />
      )}
      {unit >= 0 && unit < H && (
        <rect
          className="cd-bar-outline"
          x={x + unit * step + gap / 2}
          y={selected.top}
          width={barWidth}
          height={selected.length}
        />
      )}
    </g>
  );
}

interface UnitColumnsProps {
  x: number;
  y: number;
  width: number;
  height: number;
  H: number;
  unit: number;
  onSelect: (unit: number) => void;
}

/** One clickable column per unit (`.cd-bar`, the selected one `.is-selected`). */
const UnitColumns = memo(function UnitColumns({
  x,
  y,
  width,
  height,
  H,
  unit,
  onSelect,
}: UnitColumnsProps) {
  const step = width / H;
  return (
    <g
      className="cd-bar-columns"
      onClick={(event) => {
        const j = Number((event.target as Element).getAttribute('data-unit'));
        if (Number.isInteger(j)) onSelect(j);
      }}
    >
      {Array.from({ length: H }, (_, j) => (
        <rect
          key={j}
          data-unit={j}
          className={j === unit ? 'cd-bar is-selected' : 'cd-bar'}
          x={x + j * step}
          y={y}
          width={step}
          height={height}
        />
      ))}
    </g>
  );
});
