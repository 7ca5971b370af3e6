import { useRef } from 'react';
import { formatValue } from '../../format/value';
import { useDiagram, useStepWriter } from './context';
import { NODE_R } from './layout';
import { writeText } from './stepBus';
import type { StepValues } from './stepValues';
import { SvgRich } from './SvgRich';

/** A value printed beside a node: "i⊙g = 0.05". */
export interface NodeNote {
  /** What the value is, in ./rich markup: "i⊙g". */
  label: string;
  /** The value at a step, for the selected unit. */
  value: (values: StepValues) => number;
}

/** Where a node's note sits relative to it. */
export type NoteSide =
  'left' | 'right' | 'above' | 'below' | 'belowRight' | 'belowLeft' | 'aboveRight' | 'aboveLeft';

/** Props of {@link PointwiseNode}. */
export interface PointwiseNodeProps {
  /** Centre, viewBox units. */
  x: number;
  y: number;
  /** The operation: product, sum, 1 − (·), or an activation drawn as a pill. */
  op: '×' | '+' | '1−' | 'tanh';
  /** Quantity this node produces, as a hover target (the + of an LSTM makes c). */
  name?: string;
  /** A value note beside the node, rewritten on every step. */
  note?: NodeNote;
  /** Side of the note. */
  noteSide?: NoteSide;
  /** Animation stage at which the node fires. */
  stage: number;
  /** Names the node for tests and styling, e.g. "r-mul". */
  id?: string;
}

const NOTE_OFFSET: Record<
  NoteSide,
  { dx: number; dy: number; anchor: 'start' | 'end' | 'middle' }
> = {
  right: { dx: NODE_R + 8, dy: 5, anchor: 'start' },
  left: { dx: -NODE_R - 8, dy: 5, anchor: 'end' },
  above: { dx: 0, dy: -NODE_R - 8, anchor: 'middle' },
  below: { dx: 0, dy: NODE_R + 18, anchor: 'middle' },
  belowRight: { dx: NODE_R + 4, dy: NODE_R + 16, anchor: 'start' },
  belowLeft: { dx: -8, dy: NODE_R + 20, anchor: 'end' },
  aboveRight: { dx: 16, dy: -NODE_R - 20, anchor: 'start' },
  aboveLeft: { dx: -NODE_R - 4, dy: -NODE_R - 6, anchor: 'end' },
};

/** Half-size of the pill an activation node is drawn as. */
const PILL = { w: 26, h: 13 } as const;

/**
 * A pointwise operation on the wires, colah-style: a circle with × / + / 1−, or a pill
 * for tanh, with an optional note printing the value it produces for the selected unit
 * (written on each step).
 */
export function PointwiseNode({
  x,
  y,
  op,
  name,
  note,
  noteSide = 'right',
  stage,
  id,
}: PointwiseNodeProps) {
  const { flow, hover, isHighlighted } = useDiagram();
  const valueRef = useRef<SVGTSpanElement>(null);
  useStepWriter(({ now }) => {
    if (note) writeText(valueRef.current, formatValue(note.value(now)));
  });
  const pill = op === 'tanh';
  const offset = NOTE_OFFSET[noteSide];
  const dx =
    pill && (noteSide === 'left' || noteSide === 'right')
      ? Math.sign(offset.dx) * (PILL.w + 8)
      : offset.dx;
  const highlighted = name !== undefined && isHighlighted(name);
  return (
    <g
      className={highlighted ? 'cd-node is-highlighted' : 'cd-node'}
      data-node={id}
      onPointerEnter={name ? () => hover(name) : undefined}
      onPointerLeave={name ? (e) => e.pointerType !== 'touch' && hover(null) : undefined}
    >
      {pill ? (
        <rect
          ref={flow.ref(stage, 'flash')}
          className="cd-node-halo"
          x={x - PILL.w - 4}
          y={y - PILL.h - 4}
          width={2 * PILL.w + 8}
          height={2 * PILL.h + 8}
          rx={PILL.h + 4}
        />
      ) : (
        <circle
          ref={flow.ref(stage, 'flash')}
          className="cd-node-halo"
          cx={x}
          cy={y}
          r={NODE_R + 4}
        />
      )}
      {pill ? (
        <rect
          className="cd-node-shape"
          x={x - PILL.w}
          y={y - PILL.h}
          width={2 * PILL.w}
          height={2 * PILL.h}
          rx={PILL.h}
        />
      ) : (
        <circle className="cd-node-shape" cx={x} cy={y} r={NODE_R} />
      )}
      <text
        className={op.length > 1 ? 'cd-node-op is-word' : 'cd-node-op'}
        x={x}
        y={y + (op.length > 1 ? 5 : 6)}
      >
        {op}
      </text>
      {note && (
        <text
          ref={flow.ref(stage, 'reveal')}
          className="cd-note"
          x={x + dx}
          y={y + offset.dy}
          textAnchor={offset.anchor}
        >
          <SvgRich label={`${note.label} = `} tail={valueRef} />
        </text>
      )}
    </g>
  );
}
