/**
 * Tiny markup for math labels: `_{…}` is a subscript, `^{…}` a superscript, everything
 * else plain text. "c_{t−1}" draws c with a subscript t−1.
 */

/** One run of a label: plain, subscript or superscript text. */
export interface RichSegment {
  readonly text: string;
  readonly kind: 'plain' | 'sub' | 'sup';
}

const MARKUP = /([_^])\{([^}]*)\}/g;

/** Splits a marked-up label into runs. */
export function parseRich(label: string): RichSegment[] {
  const segments: RichSegment[] = [];
  let last = 0;
  for (const match of label.matchAll(MARKUP)) {
    const index = match.index ?? 0;
    if (index > last) segments.push({ text: label.slice(last, index), kind: 'plain' });
    segments.push({ text: match[2] ?? '', kind: match[1] === '_' ? 'sub' : 'sup' });
    last = index + match[0].length;
  }
  if (last < label.length) segments.push({ text: label.slice(last), kind: 'plain' });
  return segments;
}

/**
 * The label as plain text for accessible names and tests: subscripts become "_t−1" style
 * suffixes ("c_{t−1}" → "c_t−1"), superscripts "^…".
 */
export function plainText(label: string): string {
  return label.replace(MARKUP, (_m, mark: string, body: string) => `${mark}${body}`);
}
