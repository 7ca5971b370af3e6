import { useSyncExternalStore } from 'react';
import type { MarkRole, TermRole } from '../../equations';
import { gateColor, scaleKindOf, signedColor, symmetricColor, textColorOn } from '../colors';
import { mediaQuery } from '../mediaQuery';

/** The page's colour scheme, as the CSS of the app follows it. */
export type Scheme = 'light' | 'dark';

/** The three parts of a pre-activation get a colour each, the same in symbols and numbers. */
export type PartRole = Extract<TermRole, 'input' | 'recurrent' | 'bias'>;

/**
 * Colours of the input part (x_t, blue), recurrent part (h_{t−1}, orange) and bias (grey),
 * told apart by hue and lightness alike (safe for red–green colour blindness), each with at
 * least 4.5:1 contrast on the panel background of its scheme.
 */
export const PART_COLORS: Readonly<Record<Scheme, Readonly<Record<PartRole, string>>>> = {
  light: { input: '#0b5cad', recurrent: '#b34700', bias: '#586474' },
  dark: { input: '#7cc0ff', recurrent: '#ffa366', bias: '#a9b4c4' },
};

/** Whether a term role is one of the coloured parts. */
export function isPart(role: TermRole): role is PartRole {
  return role === 'input' || role === 'recurrent' || role === 'bias';
}

/** A {@link MarkRole} that colours the symbolic parts with `\textcolor` (allowed with trust off). */
export function colorMark(scheme: Scheme): MarkRole {
  const colors = PART_COLORS[scheme];
  return (role, tex) => `\\textcolor{${colors[role]}}{${tex}}`;
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

function darkQuery(): MediaQueryList | null {
  return mediaQuery(DARK_QUERY);
}

/** The page's scheme: the one `<html data-theme>` forces (Theme select), else the system's. */
function currentScheme(): Scheme {
  const forced =
    typeof document !== 'undefined' ? document.documentElement.dataset.theme : undefined;
  if (forced === 'light' || forced === 'dark') return forced;
  return darkQuery()?.matches ? 'dark' : 'light';
}

function subscribe(onChange: () => void): () => void {
  const query = darkQuery();
  query?.addEventListener('change', onChange);
  const observer = typeof MutationObserver === 'function' ? new MutationObserver(onChange) : null;
  observer?.observe(document.documentElement, { attributeFilter: ['data-theme'] });
  return () => {
    query?.removeEventListener('change', onChange);
    observer?.disconnect();
  };
}

/**
 * The current colour scheme, as the CSS applies it: a theme forced on `<html data-theme>`,
 * else the system's; re-renders when either changes (light without matchMedia).
 */
export function useScheme(): Scheme {
  return useSyncExternalStore(subscribe, currentScheme, () => 'light');
}

/**
 * Background and text colour of a result chip: the same scale the diagram and heatmaps
 * use for that quantity (viridis for gates, diverging for the rest; `cBound` is the
 * largest |c| of the run for the LSTM cell state).
 */
export function chipColors(name: string, value: number, cBound: number) {
  const kind = scaleKindOf(name);
  const background =
    kind === 'gate'
      ? gateColor(value)
      : kind === 'symmetric'
        ? symmetricColor(cBound)(value)
        : signedColor(value);
  return { background, color: textColorOn(background) };
}
