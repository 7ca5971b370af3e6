/** Small helpers for writing SVG as text. Pure. */

/** The SVG namespace. */
export const SVG_NS = 'http://www.w3.org/2000/svg';
/** The XLink namespace (`xlink:href`, for SVG 1.1 readers). */
export const XLINK_NS = 'http://www.w3.org/1999/xlink';
/** The declaration a standalone SVG file starts with. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** Characters XML 1.0 forbids anywhere (control characters but tab, LF and CR). */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g; // eslint-disable-line no-control-regex

/** Replaces the characters XML forbids by U+FFFD, so that any text parses. */
export function xmlSafe(text: string): string {
  return text.replace(FORBIDDEN, '\uFFFD');
}

/** Text or an attribute value escaped for XML (and made {@link xmlSafe}). */
export function escapeXml(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A number for an SVG attribute: at most 2 decimals, no trailing zeros. */
export function num(v: number): string {
  return String(Math.round(v * 100) / 100);
}

/** `name="value"` pairs for an element, skipping undefined values; values escaped. */
export function attrs(values: Readonly<Record<string, string | number | undefined>>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? num(v) : escapeXml(v)}"`)
    .join('');
}
