import {
  test as base,
  expect,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from '@playwright/test';
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
/** Options of {@link test}. */
interface WarmOptions {
  /**
   * A page in a context of its own for this test, as Playwright gives by default: for tests
   * that change what a page cannot be rid of (init scripts, `page.clock`, touch, file://).
   * Other tests share their worker's page, emptied between tests (see {@link WarmPage}).
   */
  freshPage: boolean;
}

/**
 * The worker's one page and its context, reused by every test that does not ask for a fresh
 * one. On this machine kind, a new context and page cost 0.3–0.45 s and the app's first
 * start in a new renderer about 1 s, against 0.5–0.7 s in a renderer that has run it before
 * (V8 keeps the compiled code; memory is already mapped): the suite took 3.5–4.0 minutes
 * against 4.2–4.3 with a new context per test.
 * The HTTP cache plays no part: the `watch` fixture routes every page, which disables it.
 */
class WarmPage {
  private held: { context: BrowserContext; page: Page } | null = null;

  constructor(
    private readonly browser: Browser,
    private readonly baseURL: string,
    private readonly viewport: { width: number; height: number },
  ) {}

  /** The page, opened on first use and after a test left it unusable. */
  async take(): Promise<{ context: BrowserContext; page: Page }> {
    if (this.held && this.held.page.isClosed()) await this.drop();
    if (!this.held) {
      const context = await this.browser.newContext({
        baseURL: this.baseURL,
        viewport: this.viewport,
      });
      this.held = { context, page: await context.newPage() };
    }
    return this.held;
  }

  /**
   * Empties the page for the next test, as a new context would be: no routes, listeners,
   * other tabs, permissions, cookies or storage (local, session, IndexedDB, Cache), and the
   * app stopped (the page shows a same-origin icon, so its workers and timers end). When
   * that fails, the page is closed and the next test opens a new one.
   */
  async empty(): Promise<void> {
    if (!this.held) return;
    const { context, page } = this.held;
    try {
      await page.unrouteAll({ behavior: 'ignoreErrors' });
      page.removeAllListeners();
      for (const other of context.pages()) if (other !== page) await other.close();
      await page.goto(new URL('favicon.svg', this.baseURL).href);
      await page.evaluate(async () => {
        localStorage.clear();
        sessionStorage.clear();
        const deleted = (name: string) =>
          new Promise<void>((done) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = request.onerror = request.onblocked = () => done();
          });
        for (const db of await indexedDB.databases()) if (db.name) await deleted(db.name);
        for (const key of await caches.keys()) await caches.delete(key);
      });
      await context.clearCookies();
      await context.clearPermissions();
    } catch {
      await this.drop();
    }
  }

  /** Closes the page's context. */
  async drop(): Promise<void> {
    const held = this.held;
    this.held = null;
    await held?.context.close().catch(() => undefined);
  }
}

/** True when a test needs a context of its own: asked for, or touch or mobile emulation. */
function needsOwnContext(options: {
  freshPage: boolean;
  hasTouch: boolean | undefined;
  isMobile: boolean | undefined;
}): boolean {
  return options.freshPage || Boolean(options.hasTouch) || Boolean(options.isMobile);
}

export const test = base.extend<{ watch: PageWatch } & WarmOptions, { warmPage: WarmPage }>({
  freshPage: [false, { option: true }],
  warmPage: [
    async ({ browser }, use, workerInfo) => {
      const { baseURL, viewport } = workerInfo.project.use;
      const warm = new WarmPage(
        browser,
        baseURL ?? 'http://127.0.0.1/',
        viewport ?? { width: 1280, height: 720 },
      );
      await use(warm);
      await warm.drop();
    },
    { scope: 'worker' },
  ],
  // The worker's warm context, or a new one when the test asks for a fresh page or for a
  // context option a page cannot change (touch, mobile).
  context: async (
    {
      browser,
      warmPage,
      freshPage,
      hasTouch,
      isMobile,
      viewport,
      baseURL,
      colorScheme,
      reducedMotion,
    },
    provide,
  ) => {
    if (needsOwnContext({ freshPage, hasTouch, isMobile })) {
      const context = await browser.newContext({
        baseURL,
        viewport,
        hasTouch,
        isMobile,
        colorScheme,
        reducedMotion,
      });
      await provide(context);
      await context.close();
      return;
    }
    await provide((await warmPage.take()).context);
  },
  page: async (
    { context, warmPage, freshPage, hasTouch, isMobile, viewport, colorScheme, reducedMotion },
    provide,
  ) => {
    if (needsOwnContext({ freshPage, hasTouch, isMobile })) {
      await provide(await context.newPage());
      return;
    }
    const { page } = await warmPage.take();
    // What this test's options say, whatever the last test set.
    if (viewport) await page.setViewportSize(viewport);
    await page.emulateMedia({
      media: null,
      colorScheme: colorScheme ?? 'light',
      reducedMotion: reducedMotion ?? 'no-preference',
      forcedColors: null,
    });
    await page.mouse.move(0, 0);
    await provide(page);
    await warmPage.empty();
  },
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

/**
 * The selects among `selects` whose chosen option does not fit in the box, each as
 * "“text” needs N px, has M px" (an empty list: every choice shows whole). The room is the
 * box less its padding and the drop-down arrow (about 1.5 em); the text is measured in the
 * select's own font.
 */
export async function cutSelects(selects: Locator): Promise<string[]> {
  return selects.evaluateAll((elements) =>
    (elements as HTMLSelectElement[]).flatMap((select) => {
      const style = getComputedStyle(select);
      const context = document.createElement('canvas').getContext('2d');
      if (!context) return ['no canvas'];
      context.font = style.font;
      const text = select.selectedOptions[0]?.textContent ?? '';
      const room =
        select.clientWidth -
        parseFloat(style.paddingLeft) -
        parseFloat(style.paddingRight) -
        1.5 * parseFloat(style.fontSize);
      const needs = context.measureText(text).width;
      return needs > room ? [`"${text}" needs ${needs.toFixed(0)} px, has ${room.toFixed(0)}`] : [];
    }),
  );
}
