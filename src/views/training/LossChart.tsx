import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import type { PaneId } from '../../scene';
import type { TrainCurve } from '../../store/trainingSlice';
import { PANE_COLORS } from '../gradients/paneColors';

/** viewBox geometry of each chart; the SVG scales to the panel's width. */
const W = 640;
const M = { left: 64, right: 20, top: 30, bottom: 40 };

/** Props of {@link LossChart}. */
export interface LossChartProps {
  /** Each pane's curves so far. */
  curves: Readonly<Partial<Record<PaneId, TrainCurve>>>;
  /** Held-out accuracy that counts as learned, in (0, 1]: a line on the accuracy chart. */
  target: number;
}

/** "1.2k" style step labels. */
function stepLabel(step: number): string {
  return step >= 1000 ? `${step / 1000}k` : String(step);
}

/**
 * The loss curves of training, every pane in its colour: training loss per step (thin) and
 * held-out loss (dashed, with dots) on a log scale, and under it held-out accuracy with
 * the target as a line. Each chart has a text summary for screen readers.
 */
export function LossChart({ curves, target }: LossChartProps) {
  const entries = (Object.entries(curves) as [PaneId, TrainCurve][]).filter(([, c]) => c);
  const maxStep = Math.max(
    10,
    ...entries.flatMap(([, c]) => [c.steps.at(-1) ?? 0, c.heldOut.at(-1)?.step ?? 0]),
  );
  const losses = entries.flatMap(([, c]) => [...c.losses, ...c.heldOut.map((h) => h.loss)]);
  const positive = losses.filter((l) => l > 0 && Number.isFinite(l));
  const low = positive.length ? Math.min(...positive) : 0.01;
  const high = positive.length ? Math.max(...positive) : 1;
  const x = scaleLinear([0, maxStep], [M.left, W - M.right]);
  const lossH = 240;
  const y = scaleLog([Math.max(1e-6, low * 0.8), high * 1.25], [lossH - M.bottom, M.top]).nice();
  const accH = 170;
  const yAcc = scaleLinear([0, 1], [accH - M.bottom, M.top]);
  const lossLine = line<[number, number]>()
    .x(([s]) => x(s))
    .y(([, l]) => y(Math.max(l, y.domain()[0]!)));
  const accLine = line<[number, number]>()
    .x(([s]) => x(s))
    .y(([, a]) => yAcc(a));
  const xTicks = x.ticks(6).filter(Number.isInteger);
  const summary = entries
    .map(([pane, c]) => {
      const first = c.heldOut[0];
      const last = c.heldOut.at(-1);
      const acc =
        last && Number.isFinite(last.accuracy) ? `${Math.round(last.accuracy * 100)}%` : 'n/a';
      const loss =
        first && last
          ? `held-out loss ${first.loss.toPrecision(3)} at step ${first.step}, ${last.loss.toPrecision(3)} at step ${last.step}`
          : 'no held-out score yet';
      return `Model ${pane}: ${loss}, held-out accuracy ${acc}${c.reachedAt !== null ? `, reached the target at step ${c.reachedAt}` : ''}`;
    })
    .join('; ');
  const xAxis = (h: number) => (
    <g className="train-axis">
      <line x1={M.left} x2={W - M.right} y1={h - M.bottom} y2={h - M.bottom} />
      {xTicks.map((t) => (
        <text key={t} x={x(t)} y={h - M.bottom + 18} textAnchor="middle">
          {stepLabel(t)}
        </text>
      ))}
      <text
        x={(M.left + W - M.right) / 2}
        y={h - 4}
        textAnchor="middle"
        className="train-axis-title"
      >
        training step
      </text>
    </g>
  );
  return (
    <figure className="loss-chart">
      <svg
        viewBox={`0 0 ${W} ${lossH}`}
        role="img"
        aria-label={`Loss over training (log scale). ${summary}`}
      >
        <text x={M.left} y={18} className="train-axis-title">
          loss (log scale) — training, held-out dashed
        </text>
        {y.ticks(4).map((t) => (
          <g key={t} className="train-axis">
            <line className="train-grid" x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
            <text x={M.left - 6} y={y(t)} dy="0.35em" textAnchor="end">
              {y.tickFormat(4, '~g')(t)}
            </text>
          </g>
        ))}
        {xAxis(lossH)}
        {entries.map(([pane, c]) => (
          <g key={pane} data-pane={pane}>
            <path
              className="train-loss"
              d={lossLine(c.steps.map((s, k) => [s, c.losses[k]!])) ?? ''}
              stroke={PANE_COLORS[pane]}
            />
            <path
              className="train-heldout"
              d={lossLine(c.heldOut.map((h) => [h.step, h.loss])) ?? ''}
              stroke={PANE_COLORS[pane]}
            />
          </g>
        ))}
      </svg>
      <svg
        viewBox={`0 0 ${W} ${accH}`}
        role="img"
        aria-label={`Held-out accuracy over training; target ${Math.round(target * 100)}%.`}
      >
        <text x={M.left} y={18} className="train-axis-title">
          held-out accuracy
        </text>
        {[0, 0.5, 1].map((t) => (
          <g key={t} className="train-axis">
            <line className="train-grid" x1={M.left} x2={W - M.right} y1={yAcc(t)} y2={yAcc(t)} />
            <text x={M.left - 6} y={yAcc(t)} dy="0.35em" textAnchor="end">
              {Math.round(t * 100)}%
            </text>
          </g>
        ))}
        <line
          className="train-target"
          x1={M.left}
          x2={W - M.right}
          y1={yAcc(target)}
          y2={yAcc(target)}
        />
        <text className="train-target-label" x={W - M.right} y={yAcc(target) - 5} textAnchor="end">
          target {Math.round(target * 100)}%
        </text>
        {xAxis(accH)}
        {entries.map(([pane, c]) => {
          const points = c.heldOut
            .filter((h) => Number.isFinite(h.accuracy))
            .map((h) => [h.step, h.accuracy] as [number, number]);
          return (
            <path
              key={pane}
              data-pane={pane}
              className="train-accuracy"
              d={accLine(points) ?? ''}
              stroke={PANE_COLORS[pane]}
            />
          );
        })}
      </svg>
      {entries.length > 1 && (
        <figcaption className="train-legend">
          {entries.map(([pane]) => (
            <span key={pane}>
              <span className="train-swatch" style={{ background: PANE_COLORS[pane] }} /> Model{' '}
              {pane}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}
