import { useDiagram } from './context';
import { SvgRich } from './SvgRich';

/** Props of {@link LinearBox}. */
export interface LinearBoxProps {
  /** Centre, viewBox units. */
  cx: number;
  cy: number;
  /** Width of the box. */
  width?: number;
  /** The affine map it applies, in ./rich markup: "W_{hn}(·) + b_{hn}". */
  label: string;
  /** Animation stage at which it fires. */
  stage: number;
  /** Names the box for tests and styling. */
  id?: string;
}

/**
 * A matrix product plus bias on a wire (the GRU's W_hn), drawn as a plain, neutral box; its
 * label also comes in two lines (split before " + "), which phones show in a taller box.
 */
export function LinearBox({ cx, cy, width = 92, label, stage, id }: LinearBoxProps) {
  const { flow } = useDiagram();
  const height = 30;
  // On a phone the label's larger type takes two lines, the bias on the second (diagram.css).
  const [map, ...bias] = label.split(' + ');
  const lines = bias.length > 0 ? [map!, `+ ${bias.join(' + ')}`] : [label];
  return (
    <g className="cd-linear" data-node={id}>
      <rect
        ref={flow.ref(stage, 'flash')}
        className="cd-node-halo"
        x={cx - width / 2 - 4}
        y={cy - height / 2 - 4}
        width={width + 8}
        height={height + 8}
        rx={8}
      />
      <rect
        className="cd-linear-shape"
        x={cx - width / 2}
        y={cy - height / 2}
        width={width}
        height={height}
        rx={5}
      />
      <text className="cd-linear-label" x={cx} y={cy + 5}>
        <SvgRich label={label} />
      </text>
      {lines.length > 1 &&
        lines.map((line, k) => (
          <text key={line} className="cd-linear-line" x={cx} y={cy - 8 + 28 * k}>
            <SvgRich label={line} />
          </text>
        ))}
    </g>
  );
}
