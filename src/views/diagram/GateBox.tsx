import { textColorOn, valueColor } from '../colors';
import { useDiagram } from './context';
import { formatValue } from '../../format/value';
import type { QuantityLabel } from './labels';
import { BOX } from './layout';
import { SvgRich } from './SvgRich';
import { UnitBars } from './UnitBars';

/** Props of {@link GateBox}. */
export interface GateBoxProps {
  /** Names and colour scale of the quantity the box shows. */
  label: QuantityLabel;
  /** Centre x of the box, viewBox units. */
  cx: number;
  /** Top edge of the box, viewBox units. */
  top: number;
  /** This step's row of the quantity, [H]; the selected unit's entry is printed. */
  values: ArrayLike<number>;
  /** Animation stage at which the box fires (its inputs have arrived). */
  stage: number;
}

/** Path of a rectangle with only its bottom corners rounded (the tray under the cap). */
function trayPath(left: number, top: number, width: number, height: number, r: number): string {
  const right = left + width;
  const bottom = top + height;
  return [
    `M${left},${top}H${right}V${bottom - r}`,
    `Q${right},${bottom} ${right - r},${bottom}H${left + r}`,
    `Q${left},${bottom} ${left},${bottom - r}Z`,
  ].join('');
}

/**
 * One gate (or activation) box: a cap coloured by the selected unit's value, printing the
 * gate's name, value and formula in black or white for contrast, over a tray of per-unit
 * bars. Hovering names the gate everywhere; a highlighted box gets an accent outline.
 * A tap explains it until the next tap (a touch's pointerleave is ignored).
 * Pointer-only: keyboard users reach the same targets through the gate chips.
 */
export function GateBox({ label, cx, top, values, stage }: GateBoxProps) {
  const { unit, flow, isHighlighted, hover } = useDiagram();
  const value = values[unit] ?? Number.NaN;
  const fill = valueColor(value, label.range);
  const ink = textColorOn(fill);
  const left = cx - BOX.width / 2;
  const highlighted = isHighlighted(label.name);
  return (
    <g
      className={highlighted ? 'cd-gate is-highlighted' : 'cd-gate'}
      data-gate={label.name}
      onPointerEnter={() => hover(label.name)}
      onPointerLeave={(e) => e.pointerType !== 'touch' && hover(null)}
    >
      <rect
        ref={flow.ref(stage, 'flash')}
        className="cd-gate-halo"
        x={left - 5}
        y={top - 5}
        width={BOX.width + 10}
        height={BOX.height + 10}
        rx={12}
      />
      <rect
        className="cd-gate-cap"
        x={left}
        y={top}
        width={BOX.width}
        height={BOX.height}
        rx={8}
        fill={fill}
      />
      <path
        className="cd-gate-tray"
        d={trayPath(left, top + BOX.cap, BOX.width, BOX.height - BOX.cap, 8)}
      />
      <g ref={flow.ref(stage, 'reveal')} fill={ink}>
        <text className="cd-gate-title" x={cx} y={top + 18}>
          {label.boxTitle ?? label.title}
        </text>
        <text className="cd-gate-value" x={cx} y={top + 43}>
          {formatValue(value)}
        </text>
        <text className="cd-gate-formula" x={cx} y={top + 63}>
          <SvgRich label={label.formula ?? label.symbol} />
        </text>
        {/* Phones show the symbol in large type instead of the title and formula. */}
        <text className="cd-gate-symbol" x={cx} y={top + 26}>
          <SvgRich label={label.symbol} />
        </text>
      </g>
      <UnitBars
        x={left + 6}
        y={top + BOX.cap + 6}
        width={BOX.width - 12}
        height={BOX.height - BOX.cap - 12}
        values={values}
        range={label.range}
      />
      <rect
        className="cd-gate-frame"
        x={left}
        y={top}
        width={BOX.width}
        height={BOX.height}
        rx={8}
      />
    </g>
  );
}
