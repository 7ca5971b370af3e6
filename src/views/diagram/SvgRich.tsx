import { parseRich } from './rich';

/** Props of {@link SvgRich}. */
export interface SvgRichProps {
  /** Label in the markup of ./rich ("c_{t−1}"). */
  label: string;
}

/** Baseline shift of each kind of run, in em of the surrounding text. */
const SHIFT = { plain: 0, sub: 0.28, sup: -0.42 } as const;
/** Font scale of each kind of run. */
const SCALE = { plain: 1, sub: 0.72, sup: 0.72 } as const;

/**
 * A marked-up label as SVG `<tspan>`s, for use inside a `<text>`: sub- and superscripts
 * are smaller and shifted, and the baseline returns after them.
 */
export function SvgRich({ label }: SvgRichProps) {
  let shift = 0;
  return parseRich(label).map((segment, k) => {
    const target = SHIFT[segment.kind];
    const scale = SCALE[segment.kind];
    const dy = (target - shift) / scale;
    shift = target;
    return (
      <tspan
        key={k}
        dy={dy !== 0 ? `${dy.toFixed(3)}em` : undefined}
        fontSize={scale !== 1 ? `${scale}em` : undefined}
      >
        {segment.text}
      </tspan>
    );
  });
}
