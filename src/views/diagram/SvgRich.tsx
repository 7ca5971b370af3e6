import type { Ref } from 'react';
import { parseRich } from './rich';

/** Props of {@link SvgRich}. */
export interface SvgRichProps {
  /** Label in the markup of ./rich ("c_{t−1}"). */
  label: string;
  /**
   * A plain `<tspan>` after the label, back on the baseline, for text written in later
   * (a step's value after "i⊙g = ").
   */
  tail?: Ref<SVGTSpanElement>;
}

/** Baseline shift of each kind of run, in em of the surrounding text. */
const SHIFT = { plain: 0, sub: 0.28, sup: -0.42 } as const;
/** Font scale of each kind of run. */
const SCALE = { plain: 1, sub: 0.72, sup: 0.72 } as const;

/** `dy` of a run moving the baseline from `shift` to `target` (em of the run's own size). */
function dyOf(shift: number, target: number, scale: number): string | undefined {
  const dy = (target - shift) / scale;
  return dy !== 0 ? `${dy.toFixed(3)}em` : undefined;
}

/**
 * A marked-up label as SVG `<tspan>`s, for use inside a `<text>`: sub- and superscripts
 * are smaller and shifted, and the baseline returns after them.
 */
export function SvgRich({ label, tail }: SvgRichProps) {
  const runs = [];
  let shift = 0;
  for (const [k, segment] of parseRich(label).entries()) {
    const target = SHIFT[segment.kind];
    const scale = SCALE[segment.kind];
    runs.push(
      <tspan
        key={k}
        dy={dyOf(shift, target, scale)}
        fontSize={scale !== 1 ? `${scale}em` : undefined}
      >
        {segment.text}
      </tspan>,
    );
    shift = target;
  }
  if (tail) runs.push(<tspan key="tail" ref={tail} dy={dyOf(shift, 0, 1)} />);
  return runs;
}
