import { useCallback, useRef } from 'react';
import { formatValue } from '../../format/value';
import { useDiagram, useStepWriter } from './context';
import { writeAttr, writeText } from './stepBus';
import type { StepValues } from './stepValues';
import { SvgRich } from './SvgRich';

/** Props of {@link PortLabel}. */
export interface PortLabelProps {
  /** Anchor point of the first line, viewBox units. */
  x: number;
  y: number;
  /** The quantity, in ./rich markup: "c_{t−1}". */
  label: string;
  /** Plain text after the label, rewritten on every step (the token x_t reads). */
  labelTail?: (values: StepValues) => string;
  /** Its value at a step for the selected unit, printed on a second line (rewritten on every step). */
  value?: (values: StepValues) => number;
  /** Text alignment at (x, y). */
  anchor?: 'start' | 'middle' | 'end';
  /** Hover target of this port ('c', 'h', 'x'). */
  name?: string;
  /** Animation stage at which the value arrives (fades in then); omit for inputs. */
  stage?: number;
}

/**
 * Where a quantity enters or leaves the cell: its symbol and, under it, its value for the
 * selected unit.
 */
export function PortLabel(props: PortLabelProps) {
  const { x, y, label, labelTail, value, anchor = 'start', name, stage } = props;
  const { flow, hover, isHighlighted } = useDiagram();
  const groupRef = useRef<SVGGElement>(null);
  // The group is both this port's (for data-port) and the flow's (its reveal, if any).
  const reveal = stage === undefined ? null : flow.ref(stage, 'reveal');
  const group = useCallback(
    (element: SVGGElement | null) => {
      groupRef.current = element;
      const forget = reveal?.(element);
      return () => {
        groupRef.current = null;
        forget?.();
      };
    },
    [reveal],
  );
  const tailRef = useRef<SVGTSpanElement>(null);
  const valueRef = useRef<SVGTextElement>(null);
  useStepWriter(({ now }) => {
    if (value) writeText(valueRef.current, formatValue(value(now)));
    if (labelTail) {
      const tail = labelTail(now);
      writeText(tailRef.current, tail);
      writeAttr(groupRef.current, 'data-port', label + tail);
    }
  });
  const highlighted = name !== undefined && isHighlighted(name);
  return (
    <g
      ref={group}
      className={highlighted ? 'cd-port is-highlighted' : 'cd-port'}
      data-port={labelTail ? undefined : label}
      textAnchor={anchor}
      onPointerEnter={name ? () => hover(name) : undefined}
      onPointerLeave={name ? (e) => e.pointerType !== 'touch' && hover(null) : undefined}
    >
      <text className="cd-port-name" x={x} y={y}>
        <SvgRich label={label} tail={labelTail ? tailRef : undefined} />
      </text>
      {value !== undefined && <text ref={valueRef} className="cd-port-value" x={x} y={y + 18} />}
    </g>
  );
}
