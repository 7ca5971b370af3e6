/** Props of {@link GroupFrame}. */
export interface GroupFrameProps {
  /** Outline rectangle, viewBox units. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Name written on the top edge, like a fieldset legend. */
  label: string;
}

/**
 * A dashed frame grouping parts of a cell under one name: the learn / remember / use
 * gates of the alternative naming are made of several boxes and nodes each.
 */
export function GroupFrame({ x, y, width, height, label }: GroupFrameProps) {
  const labelWidth = label.length * 8.3 + 12;
  return (
    <g className="cd-group" data-group={label}>
      <rect className="cd-group-frame" x={x} y={y} width={width} height={height} rx={10} />
      <rect className="cd-group-tab" x={x + 10} y={y - 9} width={labelWidth} height={18} rx={4} />
      <text className="cd-group-label" x={x + 16} y={y + 4.5}>
        {label}
      </text>
    </g>
  );
}
