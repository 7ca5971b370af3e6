/** One legend entry: a line sample and its name. */
export interface LegendItem {
  /** Unique among the items (React key). */
  readonly key: string;
  /** What the line is, e.g. "A — LSTM" or "A — Π f (cell path, unit 0)". */
  readonly label: string;
  /** Line colour. */
  readonly color: string;
  /** Dashed sample, for the companion curves. */
  readonly dashed: boolean;
  /** Dotted sample, for the original run's curve. */
  readonly original?: boolean;
}

/** Props of {@link LineSample}. */
export interface LineSampleProps {
  /** Line colour. */
  color: string;
  /** Dashed, as the companion curves are drawn. */
  dashed: boolean;
  /** Dotted, as the original run's curve beside an intervened one. */
  original?: boolean;
}

/** A short stretch of a curve's line, for keys (legend, tooltip). Decorative. */
export function LineSample({ color, dashed, original }: LineSampleProps) {
  return (
    <svg className="legend-sample" viewBox="0 0 36 12" aria-hidden="true">
      <line
        x1={2}
        x2={34}
        y1={6}
        y2={6}
        stroke={color}
        className={original ? 'curve-line original' : dashed ? 'curve-line dashed' : 'curve-line'}
      />
    </svg>
  );
}

/** Props of {@link GradientLegend}. */
export interface GradientLegendProps {
  /** The curves, in drawing order. */
  items: readonly LegendItem[];
  /** Adds the "exactly 0" floor-marker entry (some value underflowed). */
  showFloorMarker: boolean;
}

/** The plot's key: one line sample per curve, plus the floor marker when it is drawn. */
export function GradientLegend({ items, showFloorMarker }: GradientLegendProps) {
  return (
    <ul className="gradient-legend" aria-label="Legend">
      {items.map((item) => (
        <li key={item.key}>
          <LineSample color={item.color} dashed={item.dashed} original={item.original} />
          {item.label}
        </li>
      ))}
      <li>
        <svg className="legend-sample" viewBox="0 0 36 12" aria-hidden="true">
          <line x1={2} x2={34} y1={6} y2={6} className="reference" />
        </svg>
        1 (the gradient neither shrinks nor grows)
      </li>
      {showFloorMarker && (
        <li>
          <svg className="legend-sample" viewBox="0 0 36 12" aria-hidden="true">
            <path d="M12,1h12L18,11Z" className="legend-marker" />
          </svg>
          exactly 0: below float64&apos;s range
        </li>
      )}
    </ul>
  );
}
