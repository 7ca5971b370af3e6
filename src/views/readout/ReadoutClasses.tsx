import { argmax } from '../../engine';
import type { Readout } from '../../store';

/** Props of the read-out lists: the pane's read-out and the step shown (0-based). */
export interface ReadoutStepProps {
  readout: Readout;
  /** Step index k = t − 1. */
  k: number;
}

/** Classes listed: the likeliest few (a next-character model has ~30). */
const TOP = 3;

const pct = (p: number) => `${(100 * p).toFixed(1)}%`;

/** The likeliest classes with their probabilities; the target class is marked. */
export function ReadoutClasses({ readout, k }: ReadoutStepProps) {
  const probabilities = readout.probabilities?.[k] ?? [];
  const target = readout.targets[k];
  const labels = readout.outputLabels;
  const order = probabilities
    .map((p, j) => ({ p, j }))
    .sort((a, b) => b.p - a.p)
    .slice(0, TOP);
  const targetIndex = target ? argmax(target) : -1;
  return (
    <ul className="readout-classes">
      {order.map(({ p, j }) => (
        <li key={j} data-class={labels[j]} className={j === targetIndex ? 'is-target' : undefined}>
          <span className="readout-label">{labels[j]}</span>
          <meter min={0} max={1} value={p} aria-label={`P(${labels[j]})`} />
          <span className="readout-value">{pct(p)}</span>
          {j === targetIndex && <span className="readout-tag">target</span>}
        </li>
      ))}
    </ul>
  );
}
