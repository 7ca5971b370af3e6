import { test as base, expect, type Browser, type Locator, type Page } from '@playwright/test';
import axe from 'axe-core';

/** Launches of the worker's browser tried before its tests fail. */
const LAUNCH_TRIES = 3;

/** Console messages and off-origin requests one page produced during a test. */
export interface PageWatch {
  /** `type: text` of every console error or warning, and every uncaught page error. */
  problems: string[];
  /** URLs of requests that went anywhere but the local preview server. */
  foreignRequests: string[];
}

/**
 * The `page` fixture, watched: any console error or warning, uncaught exception or
 * request to another host fails the test when it ends. Off-origin requests are also
 * aborted, so nothing ever leaves the machine.
 */
export const test = base.extend<{ watch: PageWatch }>({
  // The worker's browser, launched again when it dies at launch: the npm-shipped Chromium
  // 147 was seen to crash (SIGSEGV) starting up, at the first launch of a run and, more
  // rarely, later ones, which failed whichever test came first. A crash inside a test still
  // fails that test: only the launch is tried again, at most three times.
  browser: [
    async ({ playwright, browserName, launchOptions }, use) => {
      let lastError: unknown;
      for (let attempt = 0; attempt < LAUNCH_TRIES; attempt++) {
        let browser: Browser;
        try {
          browser = await playwright[browserName].launch(launchOptions);
        } catch (error) {
          lastError = error;
          continue;
        }
        await use(browser);
        await browser.close();
        return;
      }
      throw lastError;
    },
    { scope: 'worker' },
  ],
  watch: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1/').origin;
      const watch: PageWatch = { problems: [], foreignRequests: [] };
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') {
          watch.problems.push(`${message.type()}: ${message.text()}`);
        }
      });
      page.on('pageerror', (error) => watch.problems.push(`pageerror: ${error.message}`));
      // Only off-origin requests are intercepted (a pattern the browser matches itself): the
      // app's own files go straight through, without a round trip to this process each.
      const escaped = origin.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      const foreign = new RegExp(`^(?!${escaped}/|data:|blob:)`);
      await page.route(foreign, (route) => {
        watch.foreignRequests.push(route.request().url());
        return route.abort();
      });
      await use(watch);
      expect(watch.problems, 'console errors or warnings').toEqual([]);
      expect(watch.foreignRequests, 'requests to other hosts').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Forgets the console lines matching `pattern`: the browser's own report of a fault a test
 * injected on purpose (a refused script, an aborted request). Anything else still fails.
 */
export function forgetInjectedFault(watch: PageWatch, pattern: RegExp): void {
  const kept = watch.problems.filter((line) => !pattern.test(line));
  watch.problems.splice(0, watch.problems.length, ...kept);
}

/**
 * Serious or critical axe violations on the page as it is now, as readable lines.
 * axe-core's script is evaluated once per document (as `page.evaluate`, which the page's
 * Content-Security-Policy allows) and `axe.run` is called on the page itself, violations
 * only. @axe-core/playwright's AxeBuilder evaluated the 1.3 MB script again before every
 * scan and took about twice as long per scan here. `include` limits the scan to those
 * selectors' elements.
 */
export async function seriousA11yViolations(
  page: Page,
  include: readonly string[] = [],
): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate(async (selectors) => {
    const { axe: inPage } = window as unknown as { axe: typeof axe };
    const context = selectors.length > 0 ? { include: selectors.map((s) => [s]) } : document;
    const results = await inPage.run(context, { resultTypes: ['violations'] });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
  }, include);
}

/**
 * Whether the tests keep pictures of what they saw in test-results/screenshots/, for people
 * to look at: yes by default, no in CI (each costs about half a second in a software-drawn
 * browser) unless E2E_SCREENSHOTS=1. No test reads them back.
 */
export const KEEP_PICTURES = process.env.E2E_SCREENSHOTS
  ? process.env.E2E_SCREENSHOTS !== '0'
  : !process.env.CI;

/**
 * Saves a PNG of `target` (a page, or one element) as test-results/screenshots/`name`.png
 * when {@link KEEP_PICTURES} is set; `fullPage` takes a page's whole length.
 */
export async function keepPicture(
  target: Page | Locator,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  if (!KEEP_PICTURES) return;
  await target.screenshot({ path: `test-results/screenshots/${name}.png`, ...options });
}
