import type { MarkRole, Piece, Term, TermRole } from './types';

/** Significant digits of every printed number. */
const SIGNIFICANT_DIGITS = 3;

/**
 * A number as the equations print it: 3 significant digits; `a \times 10^{k}` below 0.001
 * and from 10 000 up (so tiny values stay short and keep their digits); "0" for zero.
 * LaTeX's `-` typesets as a true minus sign (U+2212). `shown` is the printed value.
 */
export function formatNumber(value: number): { tex: string; shown: number } {
  if (Number.isNaN(value)) return { tex: '\\text{NaN}', shown: value };
  if (!Number.isFinite(value)) return { tex: value > 0 ? '\\infty' : '-\\infty', shown: value };
  if (value === 0) return { tex: '0', shown: 0 };
  const shown = Number(value.toPrecision(SIGNIFICANT_DIGITS));
  const magnitude = Math.abs(shown);
  if (magnitude < 1e-3 || magnitude >= 1e4) {
    const [mantissa, exponent] = value.toExponential(SIGNIFICANT_DIGITS - 1).split('e');
    return { tex: `${mantissa} \\times 10^{${Number(exponent)}}`, shown };
  }
  return { tex: value.toPrecision(SIGNIFICANT_DIGITS), shown };
}

/** A value at full precision as plain text, with a true minus sign: for titles and tooltips. */
export function fullText(value: number): string {
  return String(value).replace(/-/g, '−');
}

/** A printed number and what it is. */
export function term(value: number, quantity: string, role: TermRole, label: string): Term {
  const { tex, shown } = formatNumber(value);
  return { value, tex, shown, quantity, role, label };
}

/** LaTeX pieces that keep their spacing when each piece is typeset on its own. */
export const TEX = {
  plus: '{}+{}',
  minus: '{}-{}',
  times: '{}\\cdot{}',
  equals: '{}={}',
} as const;

/** The identity {@link MarkRole}: symbolic LaTeX without colour. */
export const plainMark: MarkRole = (_role, tex) => tex;

/**
 * Collects a numeric line piece by piece; adjacent LaTeX pieces merge. A number put with
 * `paren` gets parentheses when it prints negative, as after "+" or "·".
 */
export function lineBuilder() {
  const pieces: Piece[] = [];
  const builder = {
    tex(tex: string) {
      const last = pieces[pieces.length - 1];
      if (last && last.kind === 'tex') pieces[pieces.length - 1] = { ...last, tex: last.tex + tex };
      else pieces.push({ kind: 'tex', tex });
      return builder;
    },
    /** "=": the next link of the chain, where a long line may wrap; `tex` follows the sign. */
    equals(tex = '') {
      pieces.push({ kind: 'tex', tex: TEX.equals + tex, opens: true });
      return builder;
    },
    num(t: Term, paren = false) {
      const negative = t.tex.startsWith('-');
      pieces.push({ kind: 'num', term: t, tex: paren && negative ? `(${t.tex})` : t.tex });
      return builder;
    },
    done() {
      const terms = pieces.flatMap((p) => (p.kind === 'num' ? [p.term] : []));
      return { numeric: pieces.map((p) => p.tex).join(''), pieces, terms };
    },
  };
  return builder;
}

/** The builder {@link lineBuilder} returns. */
export type LineBuilder = ReturnType<typeof lineBuilder>;

/**
 * `f_{4}[3] = `: the left-hand side, a quantity's symbol at step t for unit j (printed
 * 1-based, as the Unit control counts), with its "=".
 */
export function atStep(symbol: string, t: number, unit: number): string {
  return `${symbol}_{${t}}[${unit + 1}]${TEX.equals}`;
}
