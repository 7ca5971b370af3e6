import type { SvgFooter } from './svg';
import type { ExportTheme } from './theme';
import { attrs, escapeXml } from './xml';

/** One entry of a line plot's key. */
export interface LineLegendEntry {
  /** Words after the sample: "A — LSTM". */
  readonly label: string;
  /** Line colour. */
  readonly color: string;
  /** Dashed sample (companion curves, the reference line). */
  readonly dashed?: boolean;
  /** A thin dotted sample, as the plot's reference line at 1. */
  readonly reference?: boolean;
}

/** Options of {@link lineLegendSvg}. */
export interface LineLegendOptions {
  /** Width available, in the drawing's units. */
  readonly width: number;
  /** Left edge of the first entry. */
  readonly left: number;
  readonly fontSize: number;
  readonly theme: ExportTheme;
}

/** Rough width of a label in a proportional sans-serif: enough to keep entries apart. */
function labelWidth(label: string, fontSize: number): number {
  return Array.from(label).length * fontSize * 0.56;
}

/**
 * A plot's key as SVG to put under it (see svgMarkup's `footer`): a line sample and a label
 * per entry, flowing left to right and wrapping to new rows. Pure.
 */
export function lineLegendSvg(
  entries: readonly LineLegendEntry[],
  { width, left, fontSize, theme }: LineLegendOptions,
): SvgFooter {
  const rowHeight = fontSize * 1.7;
  const sample = 36;
  let x = left;
  let y = rowHeight * 0.75;
  const out: string[] = [];
  for (const entry of entries) {
    const w = sample + 8 + labelWidth(entry.label, fontSize);
    if (x > left && x + w > width) {
      x = left;
      y += rowHeight;
    }
    const line = entry.reference
      ? { stroke: theme.muted, 'stroke-width': 1.5, 'stroke-dasharray': '2 4' }
      : {
          stroke: entry.color,
          'stroke-width': entry.dashed ? 2.5 : 3,
          'stroke-dasharray': entry.dashed ? '9 6' : undefined,
        };
    out.push(
      `<line${attrs({ x1: x, x2: x + sample, y1: y, y2: y, ...line })}/>`,
      `<text${attrs({ x: x + sample + 8, y, 'dominant-baseline': 'central', fill: theme.text })}>${escapeXml(entry.label)}</text>`,
    );
    x += w + fontSize * 1.5;
  }
  return {
    markup: `<g font-size="${fontSize}" font-family="${escapeXml(theme.fontFamily)}">${out.join('')}</g>`,
    height: y + rowHeight * 0.75,
  };
}
