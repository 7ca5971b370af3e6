import { test as base, expect, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

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
 * Runs axe once in the page itself (legacy mode: the page has no frames to merge) and
 * collects violations only: the default cross-frame mode serialises every node of every
 * rule and finishes in a second blank page, about three times slower on a large page.
 * `include` limits the scan to those selectors' elements (a whole lesson scene takes ~14 s).
 */
export async function seriousA11yViolations(
  page: Page,
  include: readonly string[] = [],
): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  for (const selector of include) builder = builder.include(selector);
  const results = await builder
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}
