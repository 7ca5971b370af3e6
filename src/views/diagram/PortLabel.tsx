import { useDiagram } from './context';
import { SvgRich } from './SvgRich';

/** Props of {@link PortLabel}. */
export interface PortLabelProps {
  /** Anchor point of the first line, viewBox units. */
  x: number;
  y: number;
  /** The quantity, in ./rich markup: "c_{t−1}". */
  label: string;
  /** Its value for the selected unit, already formatted; printed on a second line. */
  value?: string;
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
export function PortLabel({ x, y, label, value, anchor = 'start', name, stage }: PortLabelProps) {
  const { flow, hover, isHighlighted } = useDiagram();
  const highlighted = name !== undefined && isHighlighted(name);
  return (
    <g
      ref={stage === undefined ? undefined : flow.ref(stage, 'reveal')}
      className={highlighted ? 'cd-port is-highlighted' : 'cd-port'}
      data-port={label}
      textAnchor={anchor}
      onPointerEnter={name ? () => hover(name) : undefined}
      onPointerLeave={name ? (e) => e.pointerType !== 'touch' && hover(null) : undefined}
    >
      <text className="cd-port-name" x={x} y={y}>
        <SvgRich label={label} />
      </text>
      {value !== undefined && (
        <text className="cd-port-value" x={x} y={y + 18}>
          {value}
        </text>
      )}
    </g>
  );
}
