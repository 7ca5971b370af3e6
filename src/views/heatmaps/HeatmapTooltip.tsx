import { quantityTitle } from './quantities';

/** A value for the tooltip: 4 significant digits, a true minus sign. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  const text = a !== 0 && (a < 1e-3 || a >= 1e4) ? a.toExponential(2) : a.toFixed(a >= 100 ? 1 : 4);
  return v < 0 ? `−${text}` : text;
}

/** Props of {@link HeatmapTooltip}. */
export interface HeatmapTooltipProps {
  /** Quantity name ('f'). */
  name: string;
  /** Step 1..T. */
  step: number;
  /** The input token at that step. */
  token: string;
  /** Unit, 0-based (shown 1-based). */
  unit: number;
  /** The quantity's value there. */
  value: number;
  /** Its colour on the heatmap's scale (a CSS colour). */
  color: string;
  /** Pointer position in CSS px inside the figure's wrapper. */
  x: number;
  /** Pointer position in CSS px inside the figure's wrapper. */
  y: number;
  /** Place the box left of the pointer (when it is in the right half). */
  flip: boolean;
}

/** The box that follows the pointer over a heatmap: quantity, step, token, unit, value. */
export function HeatmapTooltip({
  name,
  step,
  token,
  unit,
  value,
  color,
  x,
  y,
  flip,
}: HeatmapTooltipProps) {
  return (
    <div className={flip ? 'heatmap-tooltip flip' : 'heatmap-tooltip'} style={{ left: x, top: y }}>
      <div className="heatmap-tooltip-title">
        {name} — {quantityTitle(name)}
      </div>
      <div>
        step {step} · “{token}”
      </div>
      <div>unit {unit + 1}</div>
      <div className="heatmap-tooltip-value">
        <span className="heatmap-swatch" style={{ background: color }} aria-hidden="true" />
        {formatValue(value)}
      </div>
    </div>
  );
}
