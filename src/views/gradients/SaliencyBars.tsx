import {
  useMemo,
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import { scaleBand, scaleLinear } from 'd3-scale';
import { max } from 'd3-array';
import { useScene } from '../../store';
import type { PaneId } from '../../scene';
import { formatNorm } from '../../format/norm';
import { pathNumber as round } from '../../format/pathNumber';
import { BARS, type PlotLayout } from './plotLayout';

/** Props of {@link SaliencyBars}. */
export interface SaliencyBarsProps {
  /** The pane whose saliency this is (hover reports it). */
  paneId: PaneId;
  /** The pane's name, e.g. "A — LSTM"; names the SVG when there are several strips. */
  label: string;
  /** Bar colour (the pane's colour). */
  color: string;
  /** ‖∂L/∂x_t‖ per step, index t − 1 (store `saliencyOf`). */
  saliency: readonly number[];
  /** Input label per step, index t − 1 (characters or values). */
  tokens: readonly string[];
  /** Appends the pane's name to the accessible name (several strips are shown). */
  named: boolean;
  /** The main plot's geometry: the strip shares its width and left margin. */
  layout: PlotLayout;
}

const INNER_BOTTOM = BARS.height - BARS.bottom;

/** Enough room per step to print its input under its bar? */
function tokensFit(tokens: readonly string[], bandwidth: number): boolean {
  const longest = Math.max(1, ...tokens.map((tok) => Array.from(tok).length));
  return bandwidth >= longest * 8.5 + 3;
}

/**
 * Input saliency: one bar per step t, the size of ‖∂h_T[j]/∂x_t‖ (linear, scaled to the
 * strip's largest bar), with the inputs or step numbers below and the current step
 * marked. Clicking a bar goes to its step; hovering reports the input x of that step.
 */
export function SaliencyBars({
  paneId,
  label,
  color,
  saliency,
  tokens,
  named,
  layout,
}: SaliencyBarsProps) {
  const t = useScene((s) => s.t);
  const T = saliency.length;
  const x = useMemo(
    () =>
      scaleBand<number>()
        .domain(Array.from({ length: T }, (_, k) => k + 1))
        .range([layout.left, layout.width - layout.right])
        .paddingInner(T > 80 ? 0 : 0.2),
    [T, layout],
  );
  const top = max(saliency) ?? 0;
  const y = useMemo(
    () =>
      scaleLinear()
        .domain([0, top > 0 ? top : 1])
        .range([INNER_BOTTOM, BARS.top]),
    [top],
  );

  // The bars depend on the data only: stepping re-renders the marker. All bars are one
  // path and one rect takes the pointer (a step is where it falls), so that a scene of
  // 2000 steps draws a few elements per strip, not two per step.
  const bars = useMemo(() => {
    const width = Math.max(0.5, x.bandwidth());
    let d = '';
    saliency.forEach((v, k) => {
      const left = x(k + 1) ?? 0;
      const top = y(v);
      const height = Math.max(0, INNER_BOTTOM - top);
      d += `M${round(left)} ${round(top)}h${round(width)}v${round(height)}h${round(-width)}z`;
    });
    return <path className="saliency-bar" d={d} fill={color} />;
  }, [saliency, x, y, color]);
  const hovered = useScene((s) =>
    s.hovered?.pane === paneId && s.hovered.name === 'x' ? s.hovered.step : undefined,
  );
  /** The step (1 to T) under a pointer event on the hit area, or null off it. */
  const stepAt = (event: ReactPointerEvent<SVGRectElement> | ReactMouseEvent<SVGRectElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const k = Math.floor(((event.clientX - box.left) / box.width) * T);
    return Number.isFinite(k) ? Math.min(T, Math.max(1, k + 1)) : null;
  };
  const gap = (x.step() - x.bandwidth()) / 2;

  const showTokens = useMemo(() => tokensFit(tokens, x.step()), [tokens, x]);
  const stepTicks = showTokens
    ? []
    : scaleLinear()
        .domain([1, Math.max(T, 2)])
        .ticks(layout.xTicks)
        .filter((s) => Number.isInteger(s) && s >= 1 && s <= T);
  const tx = (x(t) ?? layout.left) + x.bandwidth() / 2;
  const current = saliency[t - 1];
  return (
    <svg
      role="img"
      aria-label={`Input saliency: gradient of the selected unit's final value with respect to each input${named ? ` (${label})` : ''}`}
      viewBox={`0 0 ${layout.width} ${BARS.height}`}
      className="saliency-svg"
    >
      <text className="tick-label" x={layout.left - 8} y={BARS.top} dy="0.35em" textAnchor="end">
        {formatNorm(top)}
      </text>
      <text className="tick-label" x={layout.left - 8} y={INNER_BOTTOM} dy="0" textAnchor="end">
        0
      </text>
      <text
        className="tick-label"
        x={layout.left - 8}
        y={INNER_BOTTOM + 6}
        dy="0.8em"
        textAnchor="end"
      >
        {showTokens ? 'input' : 'step'}
      </text>
      {T > 0 && (
        <rect
          className="current-step"
          x={tx - Math.max(x.step(), 4) / 2}
          width={Math.max(x.step(), 4)}
          y={BARS.top - 4}
          height={INNER_BOTTOM - BARS.top + 4}
        />
      )}
      {hovered !== undefined && hovered >= 1 && hovered <= T && (
        <rect
          className="saliency-hover"
          x={(x(hovered) ?? 0) - gap}
          width={x.step()}
          y={BARS.top}
          height={INNER_BOTTOM - BARS.top}
        />
      )}
      {bars}
      {T > 0 && (
        <rect
          className="saliency-hit"
          x={(x(1) ?? 0) - gap}
          width={T * x.step()}
          y={BARS.top}
          height={INNER_BOTTOM - BARS.top}
          onClick={(event) => {
            const step = stepAt(event);
            if (step !== null) useScene.getState().setStep(step);
          }}
          onPointerMove={(event) => {
            const step = stepAt(event);
            if (step !== null && step !== hovered)
              useScene.getState().setHovered({ pane: paneId, name: 'x', step });
          }}
          onPointerLeave={() => useScene.getState().setHovered(null)}
        />
      )}
      <line
        className="axis-line"
        x1={layout.left}
        x2={layout.width - layout.right}
        y1={INNER_BOTTOM}
        y2={INNER_BOTTOM}
      />
      {showTokens
        ? tokens.map((tok, k) => (
            <text
              key={k}
              className={k + 1 === t ? 'tick-label token current' : 'tick-label token'}
              x={(x(k + 1) ?? 0) + x.bandwidth() / 2}
              y={INNER_BOTTOM + 6}
              dy="0.8em"
              textAnchor="middle"
            >
              {tok}
            </text>
          ))
        : stepTicks.map((s) => (
            <text
              key={s}
              className="tick-label"
              x={(x(s) ?? 0) + x.bandwidth() / 2}
              y={INNER_BOTTOM + 6}
              dy="0.8em"
              textAnchor="middle"
            >
              {s}
            </text>
          ))}
      {T > 0 && (
        <text
          className="current-label"
          x={Math.min(Math.max(tx, layout.left + 40), layout.width - layout.right - 40)}
          y={BARS.top - 9}
          textAnchor="middle"
        >
          t = {t}
          {current !== undefined ? `: ${formatNorm(current)}` : ''}
        </text>
      )}
    </svg>
  );
}
