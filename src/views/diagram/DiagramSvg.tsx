import { useRef, type ReactNode } from 'react';
import { useDiagram, useStepWriter } from './context';
import { diagramName } from './labels';
import { writeAttr } from './stepBus';

/** Props of {@link DiagramSvg}. */
export interface DiagramSvgProps {
  /** viewBox size; the SVG scales to its container's width. */
  width: number;
  height: number;
  /** Which cell, for styling and tests. */
  cell: 'rnn' | 'lstm' | 'gru';
  children?: ReactNode;
}

/**
 * The `<svg role="img">` every diagram draws into, with the arrowhead marker, named for
 * its cell and step ("LSTM cell diagram, step 3", rewritten on each step). Its children
 * are presentational for assistive technology: the values are also listed as focusable
 * chips outside it.
 */
export function DiagramSvg({ width, height, cell, children }: DiagramSvgProps) {
  const { arrowId } = useDiagram();
  const svgRef = useRef<SVGSVGElement>(null);
  useStepWriter(({ now }) => writeAttr(svgRef.current, 'aria-label', diagramName(cell, now.t)));
  return (
    <svg
      ref={svgRef}
      className={`cd-svg cd-svg-${cell}`}
      role="img"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      preserveAspectRatio="xMidYMid meet"
    >
      <defs>
        <marker
          id={arrowId}
          className="cd-arrow"
          viewBox="0 0 10 10"
          refX={9}
          refY={5}
          markerWidth={9}
          markerHeight={9}
          markerUnits="userSpaceOnUse"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" />
        </marker>
      </defs>
      {children}
    </svg>
  );
}
