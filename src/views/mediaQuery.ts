/** Lists made so far, per query, with the matchMedia that made them (tests replace it). */
const lists = new Map<string, { source: typeof window.matchMedia; list: MediaQueryList }>();

/**
 * The live MediaQueryList of a media query, made once: `matches` follows the system, so
 * reading it each step or render costs nothing, where calling `matchMedia` again parses
 * and evaluates the query every time. Null where there is no matchMedia (jsdom, Node).
 */
export function mediaQuery(query: string): MediaQueryList | null {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return null;
  const kept = lists.get(query);
  if (kept && kept.source === window.matchMedia) return kept.list;
  const list = window.matchMedia(query);
  lists.set(query, { source: window.matchMedia, list });
  return list;
}
