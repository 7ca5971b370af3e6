import { useMemo, useState, type PointerEvent } from 'react';
import { scaleLinear, scaleLog, type ScaleLinear, type ScaleLogarithmic } from 'd3-scale';
import { line } from 'd3-shape';
import type { PaneId } from '../../scene';
import { formatNorm, subscript } from '../../format/norm';
import { LineSample } from './GradientLegend';
import { keepAxis, logAxisOf } from './logAxis';
import { PlotAxes } from './PlotAxes';
import type { PlotLayout } from './plotLayout';

/** One line of the plot: a quantity of one pane against the distance T − t. */
export interface PlotCurve {
  /** Unique among the curves (React key). */
  readonly key: string;
  /** The pane it belongs to (hover reports it). */
  readonly pane: PaneId;
  /** Name in the legend and the tooltip, e.g. "A — LSTM". */
  readonly label: string;
  /** Shorter name for the tooltip, when the label is long; defaults to the label. */
  readonly shortLabel?: string;
  /** Stroke colour (the pane's colour). */
  readonly color: string;
  /** Dashed: a companion quantity (the LSTM forget product) rather than ‖∂h_T/∂h_t‖. */
  readonly dashed: boolean;
  /** Dotted and fainter: the same quantity of the run without the pane's interventions. */
  readonly original?: boolean;
  /** values[k] is the value at distance firstDistance + k; 0 underflowed, ∞ overflowed. */
  readonly values: readonly number[];
  /** Distance of values[0]: 1 for Jacobian norms, 0 for the forget product. */
  readonly firstDistance: number;
}

/** What the pointer is on: a distance and the curve nearest to it there. */
export interface PlotHover {
  /** Distance d = T − t, 0..T. */
  readonly distance: number;
  /** The curve nearest to the pointer at that distance, if any has a value there. */
  readonly curve: PlotCurve | null;
}

/** Props of {@link GradientPlot}. */
export interface GradientPlotProps {
  /** The curves, drawn in order (later on top). */
  curves: readonly PlotCurve[];
  /** T: the x axis runs over distances 0..T. */
  maxDistance: number;
  /** The plot's geometry, in viewBox units (see plotLayout). */
  layout: PlotLayout;
  /** Called as the pointer moves over the plot, and with null when it leaves. */
  onHover?: (hover: PlotHover | null) => void;
}

type X = ScaleLinear<number, number>;
type Y = ScaleLogarithmic<number, number>;

/** A curve's value at distance d; undefined where it has none. */
function valueAt(curve: PlotCurve, d: number): number | undefined {
  return curve.values[d - curve.firstDistance];
}

/**
 * Path of small triangles with their tips on y, pointing down (floor) or up (top). Where
 * they would overlap (long runs of zeros at large T) every marker keeps a clear gap from
 * the last one drawn, so a run reads as a row of triangles rather than a solid band.
 */
function triangles(xs: readonly number[], y: number, down: boolean, s: number): string {
  const base = down ? y - 1.7 * s : y + 1.7 * s;
  let last = -Infinity;
  let path = '';
  for (const x of xs) {
    if (x - last < 2 * s + 3) continue;
    last = x;
    path += `M${(x - s).toFixed(1)},${base.toFixed(1)}h${2 * s}L${x.toFixed(1)},${y.toFixed(1)}Z`;
  }
  return path;
}

/**
 * The curve as SVG paths: a line through its finite positive values, and markers for the
 * values float64 cannot show on a log axis, at the floor (exact 0) or the top (overflow).
 * Never a NaN coordinate: those values are left out of the line.
 */
function drawCurve(curve: PlotCurve, x: X, y: Y, marker: number) {
  const shown = (v: number) => v > 0 && Number.isFinite(v);
  const path =
    line<number>()
      .defined(shown)
      .x((_, k) => x(curve.firstDistance + k))
      .y((v) => y(v))
      .digits(1)(curve.values as number[]) ?? '';
  const zeros: number[] = [];
  const overflows: number[] = [];
  curve.values.forEach((v, k) => {
    if (v === 0) zeros.push(x(curve.firstDistance + k));
    else if (!Number.isFinite(v)) overflows.push(x(curve.firstDistance + k));
  });
  const [floorY, topY] = y.range() as [number, number];
  return {
    path,
    zeros: triangles(zeros, floorY, true, marker),
    overflows: triangles(overflows, topY, false, marker),
  };
}

/** A value as it is drawn: zeros at the floor, overflow at the top. */
function drawnValue(v: number, y: Y): number {
  const [low, high] = y.domain() as [number, number];
  if (v === 0) return low;
  return Number.isFinite(v) ? v : high;
}

/**
 * ‖∂h_T/∂h_t‖ against the distance T − t on a log axis, one curve per pane in its colour
 * (with the LSTM forget-gate product dashed), a dashed reference line at 1, and exact
 * zeros as triangles on the floor. Hovering shows the values at that distance. The axis
 * keeps its decades while new curves still fit them well, so a curve that moves is seen
 * to move.
 */
export function GradientPlot({ curves, maxDistance, layout, onHover }: GradientPlotProps) {
  const T = Math.max(1, maxDistance);
  const fitted = useMemo(() => logAxisOf(curves.map((c) => c.values)), [curves]);
  // The axis stays while it still suits the values (see keepAxis): derived from the last
  // render's, set during render as React allows for state that follows props.
  const [shown, setShown] = useState(fitted);
  const axis = keepAxis(shown, fitted);
  if (axis !== shown) setShown(axis);
  const x = useMemo(
    () =>
      scaleLinear()
        .domain([0, T])
        .range([layout.left, layout.width - layout.right]),
    [T, layout],
  );
  const y = useMemo(
    () =>
      scaleLog()
        .domain([axis.low, axis.high])
        .range([layout.height - layout.bottom, layout.top])
        .clamp(true),
    [axis, layout],
  );
  const drawn = useMemo(
    () => curves.map((c) => ({ curve: c, ...drawCurve(c, x, y, layout.marker) })),
    [curves, x, y, layout],
  );
  // The hovered distance, and the pointer's height (viewBox units) to place the tooltip.
  const [pointer, setPointer] = useState<{ distance: number; y: number } | null>(null);
  const hover = pointer?.distance ?? null;

  const onPointerMove = (event: PointerEvent<SVGRectElement>) => {
    const box = event.currentTarget.ownerSVGElement?.getBoundingClientRect();
    if (!box || box.width === 0 || box.height === 0) return;
    const vx = ((event.clientX - box.left) / box.width) * layout.width;
    const vy = ((event.clientY - box.top) / box.height) * layout.height;
    const distance = Math.min(T, Math.max(0, Math.round(x.invert(vx))));
    const target = Math.log10(y.invert(vy));
    let nearest: PlotCurve | null = null;
    let best = Infinity;
    for (const curve of curves) {
      const v = valueAt(curve, distance);
      if (v === undefined) continue;
      const gap = Math.abs(Math.log10(drawnValue(v, y)) - target);
      if (gap < best) [best, nearest] = [gap, curve];
    }
    setPointer({ distance, y: vy });
    onHover?.({ distance, curve: nearest });
  };
  const onPointerLeave = () => {
    setPointer(null);
    onHover?.(null);
  };

  const hoverX = hover === null ? 0 : x(hover);
  // The tooltip sits on the side of the pointer with more room, below it in the upper half.
  const flipX = hoverX > layout.width / 2;
  const flipY = (pointer?.y ?? 0) > layout.height / 2;
  const tooltipClass = `gradient-tooltip${flipX ? ' flip-x' : ''}${flipY ? ' flip-y' : ''}`;
  return (
    <div className="gradient-plot">
      <svg
        role="img"
        aria-label="Vanishing-gradient plot"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        className="gradient-plot-svg"
      >
        <PlotAxes x={x} y={y} axis={axis} maxDistance={T} layout={layout} />
        {drawn.map(({ curve, path, zeros, overflows }) => (
          <g
            key={curve.key}
            className={curve.original ? 'curve original' : curve.dashed ? 'curve dashed' : 'curve'}
            stroke={curve.color}
            fill={curve.color}
          >
            <path className="curve-line" d={path} fill="none" />
            {zeros && <path className="curve-marker" d={zeros} />}
            {overflows && <path className="curve-marker" d={overflows} />}
          </g>
        ))}
        {hover !== null && (
          <g className="hover-guide">
            <line x1={hoverX} x2={hoverX} y1={layout.top} y2={layout.height - layout.bottom} />
            {curves.map((curve) => {
              const v = valueAt(curve, hover);
              if (v === undefined) return null;
              return (
                <circle
                  key={curve.key}
                  cx={hoverX}
                  cy={y(drawnValue(v, y))}
                  r={4.5}
                  fill={curve.color}
                />
              );
            })}
          </g>
        )}
        <rect
          className="plot-hit"
          x={layout.left}
          y={layout.top}
          width={layout.width - layout.left - layout.right}
          height={layout.height - layout.top - layout.bottom}
          onPointerMove={onPointerMove}
          onPointerLeave={onPointerLeave}
        />
      </svg>
      {hover !== null && (
        <div
          className={tooltipClass}
          style={{
            left: `${(hoverX / layout.width) * 100}%`,
            top: `${((pointer?.y ?? 0) / layout.height) * 100}%`,
          }}
        >
          <div className="gradient-tooltip-title">
            {hover} {hover === 1 ? 'step' : 'steps'} back: ∂h{subscript(T)}/∂h{subscript(T - hover)}
          </div>
          {curves.map((curve) => {
            const v = valueAt(curve, hover);
            if (v === undefined) return null;
            return (
              <div key={curve.key} className="gradient-tooltip-row">
                <LineSample color={curve.color} dashed={curve.dashed} original={curve.original} />
                {curve.shortLabel ?? curve.label}: <strong>{formatNorm(v)}</strong>
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
