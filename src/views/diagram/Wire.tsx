import { useLayoutEffect } from 'react';
import { wireWidth } from './wires';
import { useDiagram } from './context';
import type { Point } from './layout';

/** Props of {@link Wire}. */
export interface WireProps {
  /** Polyline the wire follows, viewBox units; the arrowhead sits on the last point. */
  points: readonly Point[];
  /** Value it carries for the selected unit, setting its width; omit for a bus carrying whole vectors. */
  value?: number;
  /** Animation stage at which the value travels along it; omit for a wire that never pulses. */
  stage?: number;
  /** Draw an arrowhead at the end (default true). */
  arrow?: boolean;
  /** Dashed (the RNN's loop to the next step). */
  dashed?: boolean;
  /** Names the wire for tests and styling, e.g. "r-after-matrix". */
  id?: string;
  /** Draw a gap of background under the wire where it crosses another. */
  bridge?: boolean;
}

/** A wire as the diagrams list them: its props plus a React key (also its default id). */
export type WireSpec = WireProps & { key: string };

/**
 * The SVG path of a polyline, "M x,y L x,y …", as d3-shape's `line()` writes it (kept out
 * of the first paint: the diagram's straight wires need nothing more).
 */
export function polylinePath(points: readonly Point[]): string {
  // Three decimals, as d3-shape rounds by default.
  const r = (v: number) => Math.round(v * 1000) / 1000;
  const d = points.map((p, k) => `${k === 0 ? 'M' : 'L'}${r(p.x)},${r(p.y)}`).join('');
  // A lone point: d3 closes it, so that a round line cap still draws a dot.
  return points.length === 1 ? `${d}Z` : d;
}

/**
 * A wire between two parts of a cell: a neutral stroke whose width follows the
 * magnitude of what it carries; when the step animates, a bead of accent colour runs
 * along it (drawn over the SVG by the diagram's FlowRegistry).
 */
export function Wire({ points, value, stage, arrow = true, dashed, id, bridge }: WireProps) {
  const { arrowId, flow } = useDiagram();
  const d = polylinePath(points);
  const width = value === undefined ? 2 : wireWidth(value);
  useLayoutEffect(
    () => (stage === undefined ? undefined : flow.pulse(id ?? d, { points, stage, width })),
    [flow, id, d, points, stage, width],
  );
  return (
    <g className="cd-wire" data-wire={id}>
      {bridge && <path className="cd-wire-bridge" d={d} strokeWidth={width + 8} />}
      <path
        className={dashed ? 'cd-wire-line is-dashed' : 'cd-wire-line'}
        d={d}
        strokeWidth={width}
        markerEnd={arrow ? `url(#${arrowId})` : undefined}
      />
    </g>
  );
}
