import type { Browser, BrowserContext, Page } from '@playwright/test';
import { URL } from './server';

/** A selector the page watches for from its first frame; its first match is timed. */
export interface Watch {
  name: string;
  selector: string;
}

/** What the init script records, read back with {@link benchState}. */
export interface BenchState {
  /** Long main-thread tasks (> 50 ms), in ms from navigation start. */
  longTasks: { start: number; duration: number }[];
  /** Per watched name: ms from navigation start to the first frame it matched. */
  seen: Record<string, number>;
  /** Set when the browser has no 'longtask' entries. */
  longTaskError?: string;
}

/**
 * Runs before any of the app's scripts: a PerformanceObserver for 'longtask' entries and
 * a per-frame check of the watched selectors. A string, not a function, so that nothing
 * the bench's compiler adds to functions (helpers the page lacks) reaches the page.
 */
function initScript(watch: readonly Watch[]): string {
  return `(() => {
  const bench = { longTasks: [], seen: {} };
  Object.defineProperty(window, '__bench', { value: bench });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {
    bench.longTaskError = String(e);
  }
  const watch = ${JSON.stringify(watch)};
  const tick = () => {
    let waiting = false;
    for (const w of watch) {
      if (bench.seen[w.name] !== undefined) continue;
      if (document.querySelector(w.selector)) bench.seen[w.name] = performance.now();
      else waiting = true;
    }
    if (waiting) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;
}

/** A page in a fresh context (no saved scene, no cache), closed with {@link closePage}. */
export async function openScene(
  browser: Browser,
  hash: string,
  watch: readonly Watch[] = [],
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript({ content: initScript(watch) });
  const page = await context.newPage();
  await page.goto(`${URL}#${hash}`);
  return page;
}

/** Closes a page and its context: a page left open would keep using the CPU. */
export async function closePage(page: Page): Promise<void> {
  const context: BrowserContext = page.context();
  await context.close();
}

/** The init script's records so far. */
export function benchState(page: Page): Promise<BenchState> {
  return page.evaluate('window.__bench') as Promise<BenchState>;
}

/**
 * Waits until every watched name has been seen or `timeoutMs` passed (polling from Node,
 * so a frozen page cannot hang the bench); returns the names' times (absent: not seen).
 */
export async function waitSeen(
  page: Page,
  names: readonly string[],
  timeoutMs: number,
): Promise<Record<string, number>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = await Promise.race<Record<string, number>>([
      benchState(page).then(
        (s) => s.seen,
        () => ({}),
      ),
      new Promise<Record<string, number>>((r) => setTimeout(() => r({}), 2_000)),
    ]);
    if (names.every((n) => seen[n] !== undefined) || Date.now() > deadline) return seen;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The bench-only debug hook, once the app has loaded it (bench builds only). */
export async function waitForHook(page: Page): Promise<void> {
  // Polled from here: waitForFunction evaluates its predicate as a string in the page,
  // which the page's Content-Security-Policy (no 'unsafe-eval') refuses.
  const deadline = Date.now() + 30_000;
  const has = () =>
    page.evaluate(() => (window as unknown as { __gatescope?: unknown }).__gatescope !== undefined);
  while (!(await has())) {
    if (Date.now() > deadline) throw new Error('the bench hook did not appear within 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Traces the app has computed since the page loaded (the debug hook's counter). */
export function tracesComputed(page: Page): Promise<number> {
  return page.evaluate('window.__gatescope.traces()') as Promise<number>;
}

/** The calibration figure measured in this page: median ms of the engine's LSTM forward. */
export function calibrateInPage(page: Page, runs = 9): Promise<number> {
  return page.evaluate(`window.__gatescope.calibrate(${runs})`) as Promise<number>;
}
