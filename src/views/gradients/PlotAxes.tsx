import type { ScaleLinear, ScaleLogarithmic } from 'd3-scale';
import { powerOfTen } from '../../format/norm';
import type { LogAxis } from './logAxis';
import type { PlotLayout } from './plotLayout';

/** Props of {@link PlotAxes}. */
export interface PlotAxesProps {
  /** Distance T − t → x, over 0..maxDistance. */
  x: ScaleLinear<number, number>;
  /** Gradient norm → y, log scale over the axis' decades. */
  y: ScaleLogarithmic<number, number>;
  /** The decades shown, ticks, and whether a zero floor or overflow row is drawn. */
  axis: LogAxis;
  /** T, the largest distance. */
  maxDistance: number;
  /** The plot's geometry, in viewBox units: margins, height, how many distance ticks. */
  layout: PlotLayout;
}

/** A decade tick's label: 1 and 10 plainly, the rest as 10ⁿ. */
function decadeLabel(exponent: number): string {
  if (exponent === 0) return '1';
  if (exponent === 1) return '10';
  return powerOfTen(exponent);
}

/**
 * Axes of the vanishing-gradient plot: distance ticks below, decade ticks with grid lines
 * at the left, the dashed reference line at 1, the "0" floor row when some value underflowed
 * (and "∞" on top for overflow), and the axis titles in words.
 */
export function PlotAxes({ x, y, axis, maxDistance, layout }: PlotAxesProps) {
  const [x0, x1] = x.range() as [number, number];
  const [bottom, top] = y.range() as [number, number];
  const xTicks = x.ticks(Math.min(layout.xTicks, maxDistance)).filter((d) => Number.isInteger(d));
  return (
    <g className="plot-axes">
      {axis.tickExponents.map((e) => (
        <g
          key={e}
          className="y-tick"
          data-value={String(10 ** e)}
          transform={`translate(0,${y(10 ** e)})`}
        >
          <line className="grid" x1={x0} x2={x1} />
          <text className="tick-label" x={x0 - 8} dy="0.35em" textAnchor="end">
            {decadeLabel(e)}
          </text>
        </g>
      ))}
      {axis.hasZero && (
        <text className="tick-label floor-label" x={x0 - 8} y={bottom} dy="0.35em" textAnchor="end">
          0
        </text>
      )}
      {axis.hasOverflow && (
        <text className="tick-label floor-label" x={x0 - 8} y={top} dy="0.35em" textAnchor="end">
          ∞
        </text>
      )}
      <line className="reference" x1={x0} x2={x1} y1={y(1)} y2={y(1)} />
      <line className="axis-line" x1={x0} x2={x1} y1={bottom} y2={bottom} />
      <line className="axis-line" x1={x0} x2={x0} y1={top} y2={bottom} />
      {xTicks.map((d) => (
        <g key={d} className="x-tick" transform={`translate(${x(d)},${bottom})`}>
          <line className="axis-line" y2={6} />
          <text className="tick-label" y={9} dy="0.8em" textAnchor="middle">
            {d}
          </text>
        </g>
      ))}
      <text className="axis-title" x={(x0 + x1) / 2} y={layout.height - 8} textAnchor="middle">
        steps back in time, T − t
      </text>
      <text className="axis-title" x={x0 - layout.left + 8} y={layout.top - 20}>
        gradient norm ‖∂h
        <tspan className="sub" dy={5}>
          T
        </tspan>
        <tspan dy={-5}>/∂h</tspan>
        <tspan className="sub" dy={5}>
          t
        </tspan>
        <tspan dy={-5}>‖ (log scale)</tspan>
      </text>
    </g>
  );
}
