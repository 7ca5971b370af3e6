import { splitPaint } from './color';
import { themeOf } from './theme';
import { SVG_NS, XLINK_NS, XML_DECLARATION, num, xmlSafe } from './xml';

/**
 * Inherited properties a drawing needs, written as presentation attributes (never
 * `style`, which the page's CSP forbids setting): wherever an element's computed value
 * differs from its parent's, or the element had the attribute already.
 */
const INHERITED = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-opacity',
  'stroke-width',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'letter-spacing',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

/** Properties that do not inherit, with their initial values: written where they differ. */
const OWN: Readonly<Record<string, string>> = {
  opacity: '1',
  'stop-color': 'rgb(0,0,0)',
  'stop-opacity': '1',
};

/** Lengths in the attributes are user units: "1.5px" → "1.5", "6px, 6px" → "6, 6". */
const LENGTHS = new Set([
  'stroke-width',
  'stroke-dasharray',
  'stroke-dashoffset',
  'font-size',
  'letter-spacing',
]);

type Styles = Record<string, string>;

/** A number as an attribute: at most 4 decimals. */
const fraction = (v: number) => String(Math.round(v * 1e4) / 1e4);

/**
 * `var(--x, fallback)` replaced by the custom property's value. Browsers compute them away
 * already; DOM implementations without variables (jsdom) leave them in.
 */
function resolveVariables(value: string, style: CSSStyleDeclaration): string {
  return value.replace(
    /var\(\s*(--[\w-]+)\s*(?:,\s*([^)]*))?\)/g,
    (_, name: string, fallback?: string) =>
      style.getPropertyValue(name).trim() || (fallback ?? '').trim(),
  );
}

/** The values an element's attributes must say, from its computed style. */
function resolvedStyles(style: CSSStyleDeclaration): Styles {
  const out: Styles = {};
  for (const name of [...INHERITED, ...Object.keys(OWN)]) {
    const raw = resolveVariables(style.getPropertyValue(name).trim(), style);
    if (raw) out[name] = LENGTHS.has(name) ? raw.replace(/(\d)px\b/g, '$1') : raw;
  }
  // A colour with alpha becomes an opaque colour and an opacity every reader understands.
  for (const [paint, opacity] of [
    ['fill', 'fill-opacity'],
    ['stroke', 'stroke-opacity'],
    ['stop-color', 'stop-opacity'],
  ] as const) {
    const value = out[paint];
    if (value === undefined) continue;
    const split = splitPaint(value);
    // A fully transparent fill or stroke draws nothing: say so plainly.
    const nothing = split.alpha === 0 && paint !== 'stop-color';
    out[paint] = nothing ? 'none' : split.paint;
    out[opacity] = fraction((nothing ? 1 : split.alpha) * Number(out[opacity] ?? 1));
  }
  return out;
}

/**
 * Copies the computed look of `source` and its descendants onto `target`, its deep clone,
 * as attributes; removes from `target` what is not drawn (display: none, opacity 0).
 */
function inlineStyles(source: Element, target: Element, parent: Styles | null): void {
  const view = source.ownerDocument.defaultView;
  const styles = view ? resolvedStyles(view.getComputedStyle(source)) : {};
  for (const [name, value] of Object.entries(styles)) {
    const own = OWN[name];
    const needed = own === undefined ? parent === null || parent[name] !== value : value !== own;
    if (needed || source.hasAttribute(name)) target.setAttribute(name, value);
  }
  const sources = Array.from(source.children);
  const targets = Array.from(target.children);
  sources.forEach((child, k) => {
    const copy = targets[k];
    if (!copy) return;
    const style = view?.getComputedStyle(child);
    if (style && (style.display === 'none' || style.opacity === '0')) copy.remove();
    else inlineStyles(child, copy, styles);
  });
}

/**
 * Runs `read` with the element's running animations (the diagram's per-step flow) moved to
 * their end, so the picture shows the step at rest rather than a frame of its animation;
 * then puts each back where it was, all before the browser paints. Without the Web
 * Animations API (jsdom) it just runs `read`.
 */
function atRest<T>(element: Element, read: () => T): T {
  const animations =
    typeof element.getAnimations === 'function' ? element.getAnimations({ subtree: true }) : [];
  const saved = animations.map((animation) => ({
    animation,
    time: animation.currentTime,
    running: animation.playState === 'running',
  }));
  for (const { animation } of saved) {
    const end = animation.effect?.getComputedTiming().endTime;
    if (typeof end === 'number' && Number.isFinite(end)) {
      animation.pause();
      animation.currentTime = end;
    }
  }
  try {
    return read();
  } finally {
    for (const { animation, time, running } of saved) {
      animation.currentTime = time;
      if (running) animation.play();
    }
  }
}

/** [x, y, width, height] of an SVG's viewBox; its box (or 300 × 150) when it has none. */
function viewBoxOf(svg: SVGSVGElement): [number, number, number, number] {
  const parts = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  if (parts.length === 4 && parts.every(Number.isFinite) && parts[2]! > 0 && parts[3]! > 0) {
    return parts as [number, number, number, number];
  }
  const box = svg.getBoundingClientRect();
  return [0, 0, box.width || 300, box.height || 150];
}

/**
 * The box to export, in viewBox units: the viewBox grown to hold whatever the drawing puts
 * outside it (labels above the top edge show on the page, where the SVG does not clip),
 * with a small margin. Where the browser cannot measure (jsdom), the viewBox itself.
 */
function drawnBox(svg: SVGSVGElement): [number, number, number, number] {
  const [x, y, w, h] = viewBoxOf(svg);
  let box: DOMRect | null = null;
  try {
    box = typeof svg.getBBox === 'function' ? svg.getBBox() : null;
  } catch {
    box = null;
  }
  if (!box || !(box.width > 0) || !(box.height > 0)) return [x, y, w, h];
  const pad = 4;
  const left = Math.min(x, box.x - pad);
  const top = Math.min(y, box.y - pad);
  const right = Math.max(x + w, box.x + box.width + pad);
  const bottom = Math.max(y + h, box.y + box.height + pad);
  return [left, top, right - left, bottom - top];
}

/** Extra drawing added under (or over) an exported SVG, in its viewBox units. */
export interface SvgFooter {
  /** SVG elements as text, drawn from y = 0 down (translated under the drawing). */
  readonly markup: string;
  /** Height it takes, viewBox units. */
  readonly height: number;
}

/** Options of {@link svgMarkup}. */
export interface SvgMarkupOptions {
  /** Background fill; default: the theme's panel colour behind the element. */
  readonly background?: string;
  /** Drawn under the picture, growing it (the gradient plot's legend). */
  readonly footer?: SvgFooter;
  /** Drawn over the picture, growing it (a diagram's title: model, step, unit). */
  readonly header?: SvgFooter;
}

/**
 * A standalone SVG file of an on-screen `<svg>`: a deep clone with the computed styles the
 * drawing needs written as attributes (CSS classes and variables do not travel), hidden
 * parts removed, a background rectangle in the theme's colour, xmlns, a `<title>` from its
 * accessible name, and width/height set to its on-screen CSS width (its viewBox size where
 * it is not laid out). The box grows to hold what the drawing puts outside its viewBox,
 * plus the optional header and footer bands. Reads computed styles; does not
 * touch the page.
 */
export function svgMarkup(svg: SVGSVGElement, options: SvgMarkupOptions = {}): string {
  const doc = svg.ownerDocument;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  atRest(svg, () => inlineStyles(svg, clone, null));
  const [x, drawnTop, w, drawnHeight] = drawnBox(svg);
  const { footer, header } = options;
  const y = drawnTop - (header?.height ?? 0);
  const h = drawnHeight + (header?.height ?? 0);
  const fullHeight = h + (footer?.height ?? 0);
  // As wide as on screen (a PNG is then exactly 2× the page's drawing), whatever it holds.
  const cssWidth = svg.getBoundingClientRect().width;
  const width = cssWidth > 0 ? cssWidth : w;
  clone.setAttribute('viewBox', `${num(x)} ${num(y)} ${num(w)} ${num(fullHeight)}`);
  clone.setAttribute('width', num(width));
  clone.setAttribute('height', num((width * fullHeight) / w));
  clone.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns', SVG_NS);
  clone.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns:xlink', XLINK_NS);

  const background = doc.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of [
    ['x', x],
    ['y', y],
    ['width', w],
    ['height', fullHeight],
  ] as const) {
    background.setAttribute(k, num(v));
  }
  background.setAttribute('fill', options.background ?? themeOf(svg).background);
  background.setAttribute('stroke', 'none');
  clone.insertBefore(background, clone.firstChild);

  const name = svg.getAttribute('aria-label');
  if (name) {
    const title = doc.createElementNS(SVG_NS, 'title');
    title.textContent = name;
    clone.insertBefore(title, clone.firstChild);
  }
  for (const [band, top] of [
    [header, y],
    [footer, y + h],
  ] as const) {
    if (!band) continue;
    const parsed = new DOMParser().parseFromString(
      `<svg xmlns="${SVG_NS}" xmlns:xlink="${XLINK_NS}"><g transform="translate(${num(x)},${num(top)})">${band.markup}</g></svg>`,
      'image/svg+xml',
    );
    const group = parsed.documentElement.firstElementChild;
    if (group) clone.appendChild(doc.importNode(group, true));
  }
  return XML_DECLARATION + xmlSafe(new XMLSerializer().serializeToString(clone)) + '\n';
}
