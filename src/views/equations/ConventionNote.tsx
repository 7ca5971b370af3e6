import type { GruConvention } from '../../engine';
import { conventionTitle } from './captions';

/** Props of {@link ConventionNote}. */
export interface ConventionNoteProps {
  /** The convention the pane's GRU runs. */
  convention: GruConvention;
}

/**
 * The line naming a GRU's convention ("PyTorch convention" / "Classic (Cho 2014)
 * convention") and the two places where it differs from the other one.
 */
export function ConventionNote({ convention }: ConventionNoteProps) {
  const hPrev = (
    <>
      <i>h</i>
      <sub>t−1</sub>
    </>
  );
  return (
    <p className="eq-convention">
      <strong>{conventionTitle(convention)}</strong>:{' '}
      {convention === 'pytorch' ? (
        <>
          <i>r</i> scales <i>W</i>
          <sub>hn</sub> {hPrev} + <i>b</i>
          <sub>hn</sub> after the matrix; <i>z</i> keeps the old state {hPrev}.
        </>
      ) : (
        <>
          <i>r</i> scales {hPrev} before <i>W</i>
          <sub>hn</sub>; <i>z</i> takes the candidate <i>h̃</i>
          <sub>t</sub>.
        </>
      )}
    </p>
  );
}
