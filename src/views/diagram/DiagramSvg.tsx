import type { ReactNode } from 'react';
import { useDiagram } from './context';

/** Props of {@link DiagramSvg}. */
export interface DiagramSvgProps {
  /** Accessible name, exactly "LSTM cell diagram, step 3". */
  name: string;
  /** viewBox size; the SVG scales to its container's width. */
  width: number;
  height: number;
  /** Which cell, for styling and tests. */
  cell: 'rnn' | 'lstm' | 'gru';
  children?: ReactNode;
}

/**
 * The `<svg role="img">` every diagram draws into, with the arrowhead marker. Its
 * children are presentational for assistive technology: the values are also listed as
 * focusable chips outside it.
 */
export function DiagramSvg({ name, width, height, cell, children }: DiagramSvgProps) {
  const { arrowId } = useDiagram();
  return (
    <svg
      className={`cd-svg cd-svg-${cell}`}
      role="img"
      aria-label={name}
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
