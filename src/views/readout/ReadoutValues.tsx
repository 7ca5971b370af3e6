import type { ReadoutStepProps } from './ReadoutClasses';

const num = (v: number) => (Number.isFinite(v) ? v.toFixed(3).replace('-', '−') : String(v));

/** A regression read-out: each predicted value beside its target. */
export function ReadoutValues({ readout, k }: ReadoutStepProps) {
  const y = readout.y[k] ?? [];
  const target = readout.targets[k];
  return (
    <ul className="readout-values">
      {y.map((v, j) => (
        <li key={j}>
          <span className="readout-label">{readout.outputLabels[j]}</span> predicted{' '}
          <span className="readout-value">{num(v)}</span>
          {target && readout.tolerance !== null && (
            <>
              {' '}
              · target <span className="readout-value">{num(target[j] ?? Number.NaN)}</span> ·
              tolerance ±{readout.tolerance}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
