import { memo, useRef } from 'react';
import type { ValueRange } from '../colors';
import { pathNumber as r } from '../../format/pathNumber';
import { useDiagram, useStepWriter } from './context';
import { writeAttr } from './stepBus';
import {
  BARS_UP_TO_UNITS,
  NEGATIVE_FILL,
  POSITIVE_FILL,
  UNIT_FILL,
  UnitHistogram,
} from './UnitHistogram';

/** Where a strip of unit marks is drawn, viewBox units. */
export interface StripBox {
  /** Left edge. */
  x: number;
  /** Top edge. */
  y: number;
  width: number;
  height: number;
}

/** Props of {@link UnitBars}. */
export interface UnitBarsProps extends StripBox {
  /** Units in the layer. */
  H: number;
  /** The quantity whose row it draws at each step (a key of the step's rows: `f`, `pre`, …). */
  quantity: string;
  /** `unit`: bars rise from the bottom over [0, 1]; `signed`: up or down from a midline over [−1, 1]. */
  range: ValueRange;
}

/** The bars of one step: one path per direction, and the selected unit's bar. */
interface BarShapes {
  /** Path of the bars rising from the base. */
  up: string;
  /** Path of the bars hanging below a signed strip's midline ('' on a [0, 1] strip). */
  down: string;
  /** The selected unit's bar: top edge and length, viewBox units. */
  selected: { top: number; length: number };
}

/** Width of one unit's column, and the gap left between bars. */
function columns(width: number, H: number): { step: number; gap: number; barWidth: number } {
  const step = width / H;
  const gap = step >= 5 ? 1 : 0;
  return { step, gap, barWidth: Math.max(0.5, step - gap) };
}

/** The midline (signed) or bottom line ([0, 1]) the bars grow from, and the longest bar. */
function baseline(box: StripBox, range: ValueRange): { base: number; span: number } {
  return range === 'unit'
    ? { base: box.y + box.height, span: box.height }
    : { base: box.y + box.height / 2, span: box.height / 2 };
}

/**
 * The bars of `values` ([H], one per unit) in `box`: each bar's length is the unit's
 * value (a gate's [0, 1] from the bottom; a tanh-range value up or down from the midline),
 * at least 1 unit so a zero still shows; NaN draws that minimum.
 */
function barShapes(
  values: ArrayLike<number>,
  box: StripBox,
  range: ValueRange,
  unit: number,
): BarShapes {
  const H = values.length;
  const { step, gap, barWidth } = columns(box.width, H);
  const { base, span } = baseline(box, range);
  const up: string[] = [];
  const down: string[] = [];
  let selected = { top: base, length: 0 };
  for (let j = 0; j < H; j++) {
    const v = values[j] ?? 0;
    const m = Number.isFinite(v) ? Math.min(1, Math.abs(range === 'unit' ? Math.max(0, v) : v)) : 0;
    const length = Math.max(1, m * span);
    const negative = range === 'signed' && v < 0;
    const top = negative ? base : base - length;
    const left = box.x + j * step + gap / 2;
    (negative ? down : up).push(
      `M${r(left)} ${r(top)}h${r(barWidth)}v${r(length)}h${r(-barWidth)}z`,
    );
    if (j === unit) selected = { top, length };
  }
  return { up: up.join(''), down: down.join(''), selected };
}

/**
 * A strip of one bar per unit (above {@link BARS_UP_TO_UNITS} units, a histogram of their
 * values instead: {@link UnitHistogram}), its length the unit's value (a gate's [0, 1] from the
 * bottom; a tanh-range value up or down from a midline, the two directions in the two
 * colours of the diverging scale). The selected unit sits on a tinted column and its bar
 * carries an outline. Clicking a column selects that unit.
 *
 * Built for stepping: React draws the columns (one element per unit) when the unit or the
 * geometry changes; a step writes the bars of all units as one path per direction and the
 * outline's two attributes (see {@link barShapes}).
 */
export function UnitBars({ H, quantity, range, ...box }: UnitBarsProps) {
  if (H === 0) return null;
  if (H > BARS_UP_TO_UNITS) return <UnitHistogram {...box} quantity={quantity} range={range} />;
  return <BarStrip {...box} H={H} quantity={quantity} range={range} />;
}

/** The bars of {@link UnitBars} up to {@link BARS_UP_TO_UNITS} units. */
function BarStrip({ H, quantity, range, ...box }: UnitBarsProps) {
  const { unit, selectUnit } = useDiagram();
  const upRef = useRef<SVGPathElement>(null);
  const downRef = useRef<SVGPathElement>(null);
  const outlineRef = useRef<SVGRectElement>(null);
  useStepWriter(({ now }) => {
    const shapes = barShapes(now.rows[quantity] ?? [], box, range, unit);
    writeAttr(upRef.current, 'd', shapes.up);
    writeAttr(downRef.current, 'd', shapes.down);
    writeAttr(outlineRef.current, 'y', String(shapes.selected.top));
    writeAttr(outlineRef.current, 'height', String(shapes.selected.length));
  });
  const { step, gap, barWidth } = columns(box.width, H);
  const { base } = baseline(box, range);
  const { x, y, width, height } = box;
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
        ref={upRef}
        className="cd-bars-up"
        fill={range === 'unit' ? UNIT_FILL : POSITIVE_FILL}
      />
      {range === 'signed' && <path ref={downRef} className="cd-bars-down" fill={NEGATIVE_FILL} />}
      {unit >= 0 && unit < H && (
        <rect
          ref={outlineRef}
          className="cd-bar-outline"
          x={x + unit * step + gap / 2}
          width={barWidth}
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
