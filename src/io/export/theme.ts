import { cssColor, splitPaint } from './color';

/** The colours and font an exported picture is drawn with: the page's theme, resolved. */
export interface ExportTheme {
  /** Background of the picture: the panel the element sits on. */
  readonly background: string;
  readonly text: string;
  readonly muted: string;
  readonly border: string;
  readonly fontFamily: string;
}

/** The light theme of global.css: what an export falls back to where nothing resolves. */
export const LIGHT_THEME: ExportTheme = {
  background: '#ffffff',
  text: '#0f172a',
  muted: '#475569',
  border: '#cbd5e1',
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
};

/** A custom property's computed value on an element, or the fallback. */
function variable(style: CSSStyleDeclaration, name: string, fallback: string): string {
  const value = style.getPropertyValue(name).trim();
  return value ? cssColor(value) : fallback;
}

/**
 * The theme as it applies to `element` now (light or dark): its colour variables
 * (--text, --muted, --border), its font, and the first opaque background among it and its
 * ancestors. CSS variables and classes do not travel with an exported file, so exports
 * write these resolved values instead. Reads computed styles; no side effects.
 */
export function themeOf(element: Element): ExportTheme {
  const view = element.ownerDocument.defaultView;
  if (!view) return LIGHT_THEME;
  const style = view.getComputedStyle(element);
  let background = '';
  for (let node: Element | null = element; node && !background; node = node.parentElement) {
    const value = view.getComputedStyle(node).backgroundColor;
    if (value && splitPaint(value).alpha >= 1) background = cssColor(value);
  }
  return {
    background: background || variable(style, '--panel', LIGHT_THEME.background),
    text: variable(style, '--text', LIGHT_THEME.text),
    muted: variable(style, '--muted', LIGHT_THEME.muted),
    border: variable(style, '--border', LIGHT_THEME.border),
    fontFamily: style.fontFamily.trim() || LIGHT_THEME.fontFamily,
  };
}
