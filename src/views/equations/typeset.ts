import katex from 'katex';

/** KaTeX options of every equation: untrusted-safe, errors shown in place, MathML kept. */
const OPTIONS = { trust: false, throwOnError: false, output: 'htmlAndMathml' } as const;

/** Typeset shapes kept: every line of three panes' equations, with room to spare. */
const KEPT_SHAPES = 400;

/** Typeset DOM by shape: the LaTeX with each digit written as 0 (colours left as they are). */
const shapes = new Map<string, HTMLElement>();

/** A `#rrggbb` / `#rgb` colour: its hex digits are not text and stay in the shape. */
const COLOUR_OR_DIGIT = /#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|\d/g;

/** The shape of a LaTeX string and its text digits in order. */
function shapeOf(latex: string): { shape: string; digits: string[] } {
  const digits: string[] = [];
  const shape = latex.replace(COLOUR_OR_DIGIT, (match) => {
    if (match.length > 1) return match;
    digits.push(match);
    return '0';
  });
  return { shape, digits };
}

/** A plain decimal, maybe negative, maybe in parentheses: "0.7310", "(-0.2500)". */
const PLAIN_DECIMAL = /^\(?-?\d+(\.\d+)?\)?$/;

/**
 * True when a number's LaTeX is a plain decimal, which the equations show as text in
 * KaTeX's font instead of typesetting it (see NumericLine).
 */
export function isPlainDecimal(latex: string): boolean {
  return PLAIN_DECIMAL.test(latex);
}

/** KaTeX's output for a LaTeX string, rendered into a fresh span. */
function render(latex: string): HTMLElement {
  const holder = document.createElement('span');
  katex.render(latex, holder, OPTIONS);
  return holder;
}

/**
 * KaTeX's DOM for `latex`, typeset once per shape: LaTeX that differs only in its digits
 * (the step in `i_{12}`, a number) has the same boxes, as KaTeX's digits all have the same
 * width, height and depth. So a cached typeset of the shape is cloned and its digits, in
 * the visual part and in the MathML, are rewritten in order; the MathML's LaTeX annotation
 * gets the real source. When the digits do not line up (a digit that sizes something, as
 * in `\kern3mu`), the string is typeset as it is. Returns nodes to put in an element.
 */
export function typeset(latex: string): Node[] {
  return typesetParts(latex).nodes;
}

/** {@link typeset}'s nodes, with their digit slots (null for a string typeset as it is). */
function typesetParts(latex: string): { nodes: Node[]; slots: DigitSlots | null } {
  const { shape, digits } = shapeOf(latex);
  let typesetShape = shapes.get(shape);
  if (typesetShape) {
    shapes.delete(shape);
  } else {
    typesetShape = render(shape);
  }
  shapes.set(shape, typesetShape);
  if (shapes.size > KEPT_SHAPES) shapes.delete(shapes.keys().next().value as string);
  const copy = typesetShape.cloneNode(true) as HTMLElement;
  const found = slotsOf(copy, shape, digits.length);
  if (!found) return { nodes: [...render(latex).childNodes], slots: null };
  writeDigits(found, latex, digits);
  return { nodes: [...copy.childNodes], slots: found };
}

/**
 * Typesets the shapes of `latexes` that are not kept yet, so that showing them later
 * costs a copy instead of a KaTeX run: the panel calls it while the page is idle with
 * the next and the previous step's lines (the step after 9 writes i_{10}, a new shape:
 * 12 ms of KaTeX in one keypress for three panes). Returns how many it typeset.
 */
export function warmShapes(latexes: Iterable<string>): number {
  let typeset = 0;
  for (const latex of latexes) {
    const { shape } = shapeOf(latex);
    if (shapes.has(shape)) continue;
    shapes.set(shape, render(shape));
    typeset++;
  }
  while (shapes.size > KEPT_SHAPES) shapes.delete(shapes.keys().next().value as string);
  return typeset;
}

/**
 * Where an element's digits are, for the shape it shows: in each of KaTeX's two parts (the
 * MathML and the visual HTML, each holding every digit once, in order), the text nodes
 * that hold digits; and the MathML's LaTeX annotations. Found once per shape shown, so
 * that a step rewrites the digits without searching the element again.
 */
interface DigitSlots {
  readonly shape: string;
  readonly parts: readonly (readonly Text[])[];
  readonly annotations: readonly Element[];
}

/** Each element's digit slots, as {@link typesetInto} left it. */
const slots = new WeakMap<Element, DigitSlots>();

const hasDigit = (text: string) => /\d/.test(text);

/**
 * The digit slots of typeset `root` of `shape` with `count` digits; null when they do not
 * line up (a digit in the LaTeX was a size, not text, as in `\kern3mu`).
 */
function slotsOf(root: HTMLElement, shape: string, count: number): DigitSlots | null {
  const parts: Text[][] = [];
  for (const part of root.querySelectorAll('.katex-mathml, .katex-html')) {
    const texts: Text[] = [];
    let digits = 0;
    const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.tagName.toLowerCase() === 'annotation') continue;
      const text = node.nodeValue ?? '';
      if (!hasDigit(text)) continue;
      texts.push(node as Text);
      digits += text.replace(/\D/g, '').length;
    }
    if (digits !== count) return null;
    parts.push(texts);
  }
  if (parts.length === 0) return null;
  return { shape, parts, annotations: [...root.querySelectorAll('annotation')] };
}

/** Writes `digits` in order over each part's digit slots, and `latex` into the annotations. */
function writeDigits(found: DigitSlots, latex: string, digits: readonly string[]): void {
  for (const texts of found.parts) {
    let next = 0;
    for (const node of texts) {
      let filled = '';
      for (const ch of node.nodeValue ?? '') {
        filled += ch >= '0' && ch <= '9' ? (digits[next++] ?? ch) : ch;
      }
      if (node.nodeValue !== filled) node.nodeValue = filled;
    }
  }
  for (const annotation of found.annotations) annotation.textContent = latex;
}

/**
 * Typesets `latex` into `element`. When the element shows the same shape (the LaTeX it
 * had differs only in its digits), the digits are rewritten where they stand: no KaTeX
 * run, no new nodes, only text changes for the browser to lay out.
 */
export function typesetInto(element: HTMLElement, latex: string): void {
  const { shape, digits } = shapeOf(latex);
  const found = slots.get(element);
  if (found?.shape === shape) {
    writeDigits(found, latex, digits);
    return;
  }
  const { nodes, slots: now } = typesetParts(latex);
  element.replaceChildren(...nodes);
  // The slots' text nodes moved into the element with the rest.
  if (now) slots.set(element, now);
  else slots.delete(element);
}
