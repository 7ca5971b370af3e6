import { useRef } from 'react';
import { textColorOn, valueColor } from '../colors';
import { useDiagram, useStepWriter } from './context';
import { formatValue } from '../../format/value';
import type { QuantityLabel } from './labels';
import { BOX } from './layout';
import { writeAttr, writeText } from './stepBus';
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
  /** Units in the layer: one bar each in the tray (a histogram above 64). */
  H: number;
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
 * bars. Each step writes the cap's colour, the ink and the value (quantity `label.name` of
 * the step's rows). Hovering names the gate everywhere; a highlighted box gets an accent outline.
 * A tap explains it until the next tap (a touch's pointerleave is ignored).
 * Pointer-only: keyboard users reach the same targets through the gate chips.
 */
export function GateBox({ label, cx, top, H, stage }: GateBoxProps) {
  const { unit, flow, isHighlighted, hover } = useDiagram();
  const capRef = useRef<SVGRectElement>(null);
  const inkRef = useRef<SVGGElement>(null);
  const valueRef = useRef<SVGTextElement>(null);
  useStepWriter(({ now }) => {
    const value = now.rows[label.name]?.[unit] ?? Number.NaN;
    const fill = valueColor(value, label.range);
    writeAttr(capRef.current, 'fill', fill);
    writeAttr(inkRef.current, 'fill', textColorOn(fill));
    const text = formatValue(value);
    writeText(valueRef.current, text);
    // Phones print a long value smaller (diagram.css), so that it stays in the box.
    writeAttr(valueRef.current, 'data-chars', String(text.length));
  });
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
        ref={capRef}
        className="cd-gate-cap"
        x={left}
        y={top}
        width={BOX.width}
        height={BOX.height}
        rx={8}
      />
      <path
        className="cd-gate-tray"
        d={trayPath(left, top + BOX.cap, BOX.width, BOX.height - BOX.cap, 8)}
      />
      <g ref={inkRef}>
        <g ref={flow.ref(stage, 'reveal')}>
          <text className="cd-gate-title" x={cx} y={top + 18}>
            {label.boxTitle ?? label.title}
          </text>
          <text ref={valueRef} className="cd-gate-value" x={cx} y={top + 43} />
          <text className="cd-gate-formula" x={cx} y={top + 63}>
            <SvgRich label={label.formula ?? label.symbol} />
          </text>
          {/* Phones show the symbol in large type instead of the title and formula. */}
          <text className="cd-gate-symbol" x={cx} y={top + 26}>
            <SvgRich label={label.symbol} />
          </text>
        </g>
      </g>
      <UnitBars
        x={left + 6}
        y={top + BOX.cap + 6}
        width={BOX.width - 12}
        height={BOX.height - BOX.cap - 12}
        H={H}
        quantity={label.name}
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
