import { valueColor, type ValueRange } from '../colors';
import { useDiagram } from './context';

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
 * A strip of one bar per unit, coloured and sized by value; the selected unit sits on a
 * tinted column and carries an outline. Clicking a column selects that unit.
 */
export function UnitBars({ x, y, width, height, values, range }: UnitBarsProps) {
  const { unit, selectUnit } = useDiagram();
  const H = values.length;
  if (H === 0) return null;
  const step = width / H;
  const gap = step >= 5 ? 1 : 0;
  const base = range === 'unit' ? y + height : y + height / 2;
  const span = range === 'unit' ? height : height / 2;
  const bars = Array.from({ length: H }, (_, j) => {
    const v = values[j] ?? 0;
    const m = Number.isFinite(v) ? Math.min(1, Math.abs(range === 'unit' ? Math.max(0, v) : v)) : 0;
    const length = Math.max(1, m * span);
    const top = range === 'signed' && v < 0 ? base : base - length;
    return { j, v, top, length, left: x + j * step };
  });
  return (
    <g className="cd-bars">
      <line className="cd-bars-base" x1={x} x2={x + width} y1={base} y2={base} />
      {bars.map(({ j, v, top, length, left }) => (
        <g
          key={j}
          className={j === unit ? 'cd-bar is-selected' : 'cd-bar'}
          onClick={() => selectUnit(j)}
        >
          <rect className="cd-bar-hit" x={left} y={y} width={step} height={height} />
          <rect
            x={left + gap / 2}
            y={top}
            width={Math.max(0.5, step - gap)}
            height={length}
            fill={valueColor(v, range)}
          />
        </g>
      ))}
    </g>
  );
}
