import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, resolveChromium } from './chromium';

/** Launches tried before the browser tests start. */
const TRIES = 3;

/**
 * Starts the resolved Chromium once before any test, trying again when it dies at launch:
 * the npm-shipped Chromium 147 was seen to crash (SIGSEGV) on the first launch of a run
 * and never after, which would fail whichever test came first. A browser that cannot
 * start three times in a row fails the run here, with its error.
 */
export default async function warmUpChromium(): Promise<void> {
  const executablePath = await resolveChromium();
  let lastError: unknown;
  for (let k = 0; k < TRIES; k++) {
    try {
      const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
      await (await browser.newPage()).goto('about:blank');
      await browser.close();
      return;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
