import { useLayoutEffect, useRef } from 'react';
import { wireWidth } from './wires';
import { useDiagram } from './context';
import type { Point } from './layout';
import { writeAttr } from './stepBus';
import type { StepValues } from './stepValues';

/** Props of {@link Wire}. */
export interface WireProps {
  /** Polyline the wire follows, viewBox units; the arrowhead sits on the last point. */
  points: readonly Point[];
  /**
   * The value it carries at a step for the selected unit, setting its width (written on
   * every step); omit for a bus carrying whole vectors.
   */
  value?: (values: StepValues) => number;
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

/**
 * A wire as the diagrams list them: its props plus a React key (also its default id), the
 * value read from the cell's numbers `N` for the selected unit (LstmNumbers, GruNumbers …).
 */
export type WireSpec<N = StepValues> = Omit<WireProps, 'value'> & {
  key: string;
  value?: (numbers: N) => number;
};

/** A wire list with each value read from the cell's numbers at a step (`numbers`, for the selected unit). */
export function bindWires<N>(
  specs: readonly WireSpec<N>[],
  numbers: (values: StepValues) => N,
): (WireProps & { key: string })[] {
  return specs.map(({ value, ...spec }) =>
    value ? { ...spec, value: (values: StepValues) => value(numbers(values)) } : spec,
  );
}

/** The bus-width wire: what a wire carrying whole vectors, and one before its first step, is drawn at. */
const BUS_WIDTH = 2;

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
 * magnitude of what it carries (written on each step); when the step animates, a bead of
 * accent colour runs along it (drawn over the SVG by the diagram's FlowRegistry), as
 * thick as the wire.
 */
export function Wire({ points, value, stage, arrow = true, dashed, id, bridge }: WireProps) {
  const { arrowId, flow, steps } = useDiagram();
  const lineRef = useRef<SVGPathElement>(null);
  const bridgeRef = useRef<SVGPathElement>(null);
  const d = polylinePath(points);
  useLayoutEffect(() => {
    const key = id ?? d;
    const pulse = (width: number) =>
      stage === undefined ? () => undefined : flow.pulse(key, { points, stage, width });
    if (value === undefined) return pulse(BUS_WIDTH);
    let drawn = Number.NaN;
    let unpulse = () => {};
    const unsubscribe = steps.add(({ now }) => {
      const width = wireWidth(value(now));
      if (width === drawn) return;
      drawn = width;
      writeAttr(lineRef.current, 'stroke-width', String(width));
      writeAttr(bridgeRef.current, 'stroke-width', String(width + 8));
      unpulse = pulse(width);
    });
    return () => {
      unsubscribe();
      unpulse();
    };
  }, [flow, steps, id, d, points, stage, value]);
  const fixed = value === undefined ? BUS_WIDTH : undefined;
  return (
    <g className="cd-wire" data-wire={id}>
      {bridge && (
        <path
          ref={bridgeRef}
          className="cd-wire-bridge"
          d={d}
          strokeWidth={fixed === undefined ? undefined : fixed + 8}
        />
      )}
      <path
        ref={lineRef}
        className={dashed ? 'cd-wire-line is-dashed' : 'cd-wire-line'}
        d={d}
        strokeWidth={fixed}
        markerEnd={arrow ? `url(#${arrowId})` : undefined}
      />
    </g>
  );
}
