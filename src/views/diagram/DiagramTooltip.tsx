import { useState } from 'react';
import { useStepWriter } from './context';
import { HtmlRich } from './HtmlRich';
import type { QuantityLabel } from './labels';
import type { Point } from './layout';
import type { StepValues } from './stepValues';

/** Props of {@link DiagramTooltip}. */
export interface DiagramTooltipProps {
  /** DOM id, referenced by the active chip's aria-describedby. */
  id: string;
  /** The quantity explained. */
  label: QuantityLabel;
  /** Its value at a step for the selected unit, formatted (./rich markup allowed); follows the steps. */
  value: (values: StepValues) => string;
  /** Point it refers to, in viewBox units. */
  anchor: Point;
  /** viewBox size, to turn the anchor into percentages of the drawing. */
  width: number;
  height: number;
}

/**
 * A tooltip over the drawing naming a quantity, its value and what it does in one line.
 * Placed from layout coordinates as percentages, so it follows the SVG's scaling without
 * measuring anything; it opens below its anchor near the top of the drawing.
 */
export function DiagramTooltip({ id, label, value, anchor, width, height }: DiagramTooltipProps) {
  const [valueText, setValueText] = useState('');
  useStepWriter(({ now }) => setValueText(value(now)));
  const below = anchor.y < height * 0.3;
  // Shifting left by the anchor's own fraction keeps the tooltip inside the drawing: at
  // the left edge it hangs right of its anchor, at the right edge left of it.
  const fx = Math.min(100, Math.max(0, (anchor.x / width) * 100));
  const transform = `translate(-${fx.toFixed(1)}%, ${below ? '12px' : 'calc(-100% - 12px)'})`;
  return (
    <div
      id={id}
      role="tooltip"
      className="cd-tooltip"
      style={{ left: `${fx}%`, top: `${(anchor.y / height) * 100}%`, transform }}
    >
      <div className="cd-tooltip-head">
        <strong>{label.title}</strong> <HtmlRich label={label.symbol} /> ={' '}
        <span className="cd-tooltip-value">
          <HtmlRich label={valueText} />
        </span>
      </div>
      <div className="cd-tooltip-role">
        <HtmlRich label={label.role} />
      </div>
    </div>
  );
}
