import type { SvgFooter } from './svg';
import type { ExportTheme } from './theme';
import { attrs, escapeXml } from './xml';

/**
 * A one-line title drawn above an exported picture ("A — LSTM · step 3 of 50 · unit 7 of
 * 8"), as an {@link SvgFooter}-shaped band (markup from y = 0 down, and its height), in
 * the picture's viewBox units. `left` is where the line starts. Pure.
 */
export function titleSvg(
  text: string,
  { left, fontSize, theme }: { left: number; fontSize: number; theme: ExportTheme },
): SvgFooter {
  const height = Math.round(fontSize * 2);
  const y = Math.round(fontSize * 1.35);
  return {
    markup: `<text${attrs({
      x: left,
      y,
      'font-size': fontSize,
      'font-weight': 600,
      'font-family': theme.fontFamily,
      fill: theme.text,
    })}>${escapeXml(text)}</text>`,
    height,
  };
}
