import type { HeatmapScale } from './scale';
import { formatRange } from './scale';

/** Colour stops of the legend's gradient bar. */
const STOPS = 11;

/** A tick label of the legend: "−2.37", "0", "0.5". */
function formatTick(v: number): string {
  if (v === 0) return '0';
  const text = formatRange(Math.abs(v));
  return v < 0 ? `−${text}` : text;
}

/** Props of {@link HeatmapLegend}. */
export interface HeatmapLegendProps {
  /** The quantity's name in the trace ('c'), for the range note. */
  name: string;
  /** The scale the heatmap is drawn with. */
  scale: HeatmapScale;
}

/**
 * The colour bar of one heatmap with its two ends and middle labelled; a scale fitted to
 * the trace (c, pre, relu h) also states its range, "±2.37 = max |c|".
 */
export function HeatmapLegend({ name, scale }: HeatmapLegendProps) {
  const [lo, hi] = scale.domain;
  const stops = Array.from({ length: STOPS }, (_, k) => {
    const v = lo + ((hi - lo) * k) / (STOPS - 1);
    return `${scale.color(v)} ${(k / (STOPS - 1)) * 100}%`;
  });
  const ticks = [lo, (lo + hi) / 2, hi];
  return (
    <div className="heatmap-legend">
      <div className="heatmap-legend-scale">
        <div
          className="heatmap-legend-bar"
          aria-hidden="true"
          style={{ background: `linear-gradient(to right, ${stops.join(', ')})` }}
        />
        <div className="heatmap-legend-ticks">
          {ticks.map((v, k) => (
            <span key={k}>{formatTick(v)}</span>
          ))}
        </div>
      </div>
      {scale.kind === 'symmetric' && (
        <span className="heatmap-legend-range">
          {scale.rangeLabel}
          <span className="heatmap-legend-note">
            {scale.maxAbs ? ` = max |${name}|` : ` (every ${name} is 0)`}
          </span>
        </span>
      )}
    </div>
  );
}
