import type { ExportTheme } from './theme';
import { attrs, escapeXml, num, XLINK_NS, XML_DECLARATION, SVG_NS } from './xml';

/** Margins of an exported heatmap, px. */
const PAD = 10;
/** Width of the unit-label column left of the plot, px (incl. room for the unit marks). */
const UNIT_COLUMN = 30;
/** Room right of the plot for the selected unit's mark, px. */
const RIGHT = 8;
/** Height of the title and subtitle above the plot, px. */
const HEAD = 44;
/** Font sizes, px, as the heatmap cards use them (0.7rem axis labels). */
const FONT = { title: 14, subtitle: 11.5, axis: 11.2, caption: 12.8 } as const;
/** Height of one row of the time axis, px. */
const AXIS_ROW = 15;
/** The legend's colour bar, px. */
const BAR = { width: 144, height: 9 } as const;
/** Drawn as rectangles (vectors) up to this many cells; as one embedded image above. */
export const MAX_VECTOR_CELLS = 6000;

/** Where the cells sit in an exported heatmap of a given width, px. */
export interface PlotBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The plot area of an exported heatmap `width` px wide with a plot `height` px tall. */
export function heatmapPlotBox(width: number, height: number): PlotBox {
  const left = PAD + UNIT_COLUMN;
  return { left, top: HEAD, width: Math.max(1, width - left - RIGHT - PAD), height };
}

/** Everything an exported heatmap shows; colours and labels come resolved. */
export interface HeatmapFigure {
  /** Quantity symbol, set in italics: "f". */
  readonly symbol: string;
  /** Its name in words: "forget gate". */
  readonly title: string;
  /** Second line: "Pane A — LSTM · layer 1 of 1 · step 3". */
  readonly subtitle: string;
  /** Steps (columns) and units (rows). */
  readonly T: number;
  readonly H: number;
  /** RGBA image of the cells, T × H row-major (heatmapPixels). */
  readonly pixels: Uint8ClampedArray;
  /** The cells as an image data: URL (for large heatmaps); rectangles when absent. */
  readonly cellsHref?: string;
  /** Picture width, px (the on-screen element's CSS width). */
  readonly width: number;
  /** Height of the plot, px. */
  readonly plotHeight: number;
  /** Units to label, 1-based. */
  readonly unitLabels: readonly number[];
  /** Steps to label on the time axis (1-based) with their input tokens. */
  readonly stepLabels: readonly { readonly step: number; readonly token: string }[];
  /** The time cursor (1..T, outlined) and the selected unit (0-based, marked at both ends). */
  readonly cursor: { readonly step: number; readonly unit: number };
  /** The legend: colours evenly spaced over its domain, and tick labels at 0, ½, 1 of it. */
  readonly legend: {
    readonly stops: readonly string[];
    readonly ticks: readonly [string, string, string];
    /** For a scale fitted to the trace: its range, and a note ("±2.37", " = max |c|"). */
    readonly range?: { readonly label: string; readonly note: string };
  };
  readonly theme: ExportTheme;
}

/** A font size, px, shrunk so that a line of text fits `room` px (a rough sans-serif width). */
function fitted(size: number, line: string, room: number): number {
  const width = Array.from(line).length * size * 0.58;
  return width > room ? Math.max(8, (size * room) / width) : size;
}

/** `<text>` with attributes and escaped content. */
function text(a: Record<string, string | number | undefined>, content: string): string {
  return `<text${attrs(a)}>${escapeXml(content)}</text>`;
}

/** Hex of pixel k of an RGBA image. */
function hexAt(pixels: Uint8ClampedArray, k: number): string {
  let hex = '#';
  for (let c = 0; c < 3; c++) hex += (pixels[4 * k + c] ?? 0).toString(16).padStart(2, '0');
  return hex;
}

/** The cells as rectangles, one per run of equal colour along each row. */
function cellRects(f: HeatmapFigure, box: PlotBox): string {
  const cw = box.width / f.T;
  const ch = box.height / f.H;
  const out: string[] = [];
  for (let j = 0; j < f.H; j++) {
    for (let t = 0; t < f.T;) {
      const color = hexAt(f.pixels, j * f.T + t);
      let end = t + 1;
      while (end < f.T && hexAt(f.pixels, j * f.T + end) === color) end++;
      const x = box.left + t * cw;
      const y = box.top + j * ch;
      out.push(`<rect${attrs({ x, y, width: (end - t) * cw, height: ch, fill: color })}/>`);
      t = end;
    }
  }
  return `<g shape-rendering="crispEdges">${out.join('')}</g>`;
}

/** [start, end) of band k of n over `length` px, at least `min` wide (as the overlay draws). */
function band(k: number, n: number, length: number, min: number): [number, number] {
  let a = (k / n) * length;
  let b = ((k + 1) / n) * length;
  if (b - a < min) {
    const mid = (a + b) / 2;
    a = mid - min / 2;
    b = a + min;
  }
  return [a, b];
}

/** The time cursor's column frame (dark under light) and the selected unit's marks. */
function cursorMarks(f: HeatmapFigure, box: PlotBox): string {
  const out: string[] = [];
  const { step, unit } = f.cursor;
  if (unit >= 0 && unit < f.H) {
    const y = box.top + ((unit + 0.5) / f.H) * box.height;
    const l = box.left - 6;
    const r = box.left + box.width + 6;
    const d = `M${num(l)},${num(y - 5)}l5,5l-5,5ZM${num(r)},${num(y - 5)}l-5,5l5,5Z`;
    out.push(`<path${attrs({ d, fill: f.theme.text })}/>`);
  }
  if (step >= 1 && step <= f.T) {
    const [a, b] = band(step - 1, f.T, box.width, 3);
    const frame = { x: box.left + a, y: box.top - 2, width: b - a, height: box.height + 4 };
    out.push(
      `<rect${attrs({ ...frame, fill: 'none', stroke: '#000000', 'stroke-opacity': 0.85, 'stroke-width': 4 })}/>`,
    );
    out.push(`<rect${attrs({ ...frame, fill: 'none', stroke: '#ffffff', 'stroke-width': 1.5 })}/>`);
  }
  return out.join('');
}

/** Unit numbers left of the plot, and the two rows of the time axis (tokens, step numbers). */
function axes(f: HeatmapFigure, box: PlotBox): string {
  const { muted, text: ink } = f.theme;
  const out: string[] = [];
  const labelX = box.left - 9;
  for (const u of f.unitLabels) {
    const y = box.top + ((u - 0.5) / f.H) * box.height;
    out.push(
      text(
        { x: labelX, y, 'text-anchor': 'end', 'dominant-baseline': 'central', fill: muted },
        String(u),
      ),
    );
  }
  // Centre of a step's label, kept inside the plot like the on-screen axis does.
  const at = (step: number, label: string) => {
    const half = (Array.from(label).length * 6.5 + 5) / 2;
    const centre = ((step - 0.5) / f.T) * box.width;
    return box.left + Math.max(Math.min(centre, box.width - half), Math.min(half, box.width / 2));
  };
  const tokensY = box.top + box.height + 8 + AXIS_ROW / 2;
  const stepsY = tokensY + AXIS_ROW;
  const serif = { 'font-family': "'Times New Roman', Times, serif", 'font-style': 'italic' };
  const caption = {
    x: labelX,
    'text-anchor': 'end',
    'dominant-baseline': 'central',
    'font-size': FONT.caption,
    fill: muted,
    ...serif,
  };
  out.push(text({ ...caption, y: tokensY }, 'x'), text({ ...caption, y: stepsY }, 't'));
  for (const { step, token } of f.stepLabels) {
    const base = {
      'text-anchor': 'middle',
      'dominant-baseline': 'central',
      'xml:space': 'preserve',
    };
    out.push(text({ ...base, x: at(step, token), y: tokensY, fill: ink }, token));
    out.push(text({ ...base, x: at(step, String(step)), y: stepsY, fill: muted }, String(step)));
  }
  return `<g font-size="${FONT.axis}">${out.join('')}</g>`;
}

/** The colour bar with its three ticks, and the fitted range when there is one. */
function legend(f: HeatmapFigure, box: PlotBox, top: number): { markup: string; height: number } {
  const { stops, ticks, range } = f.legend;
  const width = Math.min(BAR.width, box.width);
  const x = box.left;
  const gradient = stops
    .map(
      (color, k) =>
        `<stop${attrs({ offset: stops.length > 1 ? k / (stops.length - 1) : 0, 'stop-color': color })}/>`,
    )
    .join('');
  const tickY = top + BAR.height + 11;
  const tick = (value: string, tx: number, anchor: string) =>
    text({ x: tx, y: tickY, 'text-anchor': anchor, fill: f.theme.muted }, value);
  let markup =
    `<defs><linearGradient id="legend-scale" x1="0" x2="1" y1="0" y2="0">${gradient}</linearGradient></defs>` +
    `<rect${attrs({ x, y: top, width, height: BAR.height, rx: 2, fill: 'url(#legend-scale)', stroke: f.theme.border })}/>` +
    tick(ticks[0], x, 'start') +
    tick(ticks[1], x + width / 2, 'middle') +
    tick(ticks[2], x + width, 'end');
  let height = BAR.height + 16;
  if (range) {
    const beside = box.left + box.width - (x + width) >= 110;
    const rx = beside ? x + width + 10 : x;
    const ry = beside ? top + BAR.height : tickY + 16;
    if (!beside) height += 16;
    markup +=
      `<text${attrs({ x: rx, y: ry, fill: f.theme.text, 'font-weight': 600 })}>${escapeXml(range.label)}` +
      `<tspan${attrs({ fill: f.theme.muted, 'font-weight': 400 })}>${escapeXml(range.note)}</tspan></text>`;
  }
  return { markup: `<g font-size="${FONT.axis}">${markup}</g>`, height };
}

/**
 * A standalone SVG of one heatmap, drawn from its data rather than from the screen: title
 * and subtitle, unit labels, the cells (rectangles, or one embedded image when
 * `cellsHref` is given), the time cursor and selected unit, the time axis (tokens and
 * step numbers) and the colour legend, in the theme's colours, `width` px wide. Pure.
 */
export function heatmapSvg(f: HeatmapFigure): string {
  const box = heatmapPlotBox(f.width, f.plotHeight);
  const { theme } = f;
  const cells = f.cellsHref
    ? `<image${attrs({ x: box.left, y: box.top, width: box.width, height: box.height, preserveAspectRatio: 'none', 'image-rendering': 'pixelated', href: f.cellsHref, 'xlink:href': f.cellsHref })}/>`
    : cellRects(f, box);
  const legendTop = box.top + box.height + 8 + 2 * AXIS_ROW + 12;
  const key = legend(f, box, legendTop);
  const height = legendTop + key.height + PAD;
  const room = f.width - 2 * PAD;
  const title =
    `<text${attrs({ x: PAD, y: 18, 'font-size': fitted(FONT.title, `${f.symbol} — ${f.title}`, room), 'font-weight': 600, fill: theme.text })}>` +
    `<tspan${attrs({ 'font-family': "'Times New Roman', Times, serif", 'font-style': 'italic', 'font-size': '1.15em' })}>${escapeXml(f.symbol)}</tspan>` +
    ` — ${escapeXml(f.title)}</text>` +
    text(
      { x: PAD, y: 35, 'font-size': fitted(FONT.subtitle, f.subtitle, room), fill: theme.muted },
      f.subtitle,
    );
  const frame = { x: box.left, y: box.top, width: box.width, height: box.height };
  const outline = `<rect${attrs({ ...frame, fill: 'none', stroke: theme.border })}/>`;
  const body = [title, cells, outline, cursorMarks(f, box), axes(f, box), key.markup].join('');
  const root = attrs({
    xmlns: SVG_NS,
    'xmlns:xlink': XLINK_NS,
    width: f.width,
    height,
    viewBox: `0 0 ${num(f.width)} ${num(height)}`,
    role: 'img',
    'font-family': theme.fontFamily,
  });
  const name = `Heatmap of ${f.symbol} (${f.title})`;
  return (
    `${XML_DECLARATION}<svg${root}><title>${escapeXml(name)}</title>` +
    `<rect${attrs({ width: f.width, height, fill: theme.background })}/>${body}</svg>\n`
  );
}
