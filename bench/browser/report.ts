import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, resolveChromium } from '../../tests/e2e/chromium';
import { Figures } from './figures';
import { importedLarge } from './imported';
import { steppingWhileTraining } from './training';
import {
  CALIBRATION,
  LARGEST_WAIT_S,
  calibration,
  largestScene,
  onePane,
  sharedLink,
  threePanes,
} from './scenes';
import { startPreview } from './server';

/** How many times each browser figure is measured (`BENCH_RUNS=1` for a quick look). */
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3) || 3);

/** Runs one scene's measurements; a failure costs that run's figures, not the bench. */
async function attempt(what: string, run: () => Promise<void>): Promise<void> {
  const started = Date.now();
  try {
    await run();
    console.error(`(bench: ${what}, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  } catch (e) {
    console.error(`(bench: ${what} failed in this run: ${String(e).split('\n')[0]})`);
  }
}

/**
 * Prints the browser benchmark: every figure measured {@link RUNS} times on the bench
 * build in `outDir` (a production build plus the debug hook), runs interleaved so that a
 * burst of load elsewhere on the machine spreads over figures, as min / median / max.
 */
export async function reportBrowserBench(outDir: string): Promise<void> {
  const server = await startPreview(outDir);
  const executablePath = await resolveChromium();
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
    console.log('\n## Browser (bench build: production plus the debug hook, headless)\n');
    console.log(`Browser: ${executablePath}, version ${browser.version()}.`);
    console.log(
      `Each figure is measured ${RUNS} times (runs interleaved); min / median / max over the runs. Viewport 1440×900, all views shown.`,
    );
    const figures = new Figures();
    const started = Date.now();
    for (let run = 1; run <= RUNS; run++) {
      const b = browser;
      await attempt('calibration', () => calibration(b, figures));
      await attempt('one pane', () => onePane(b, figures));
      await attempt('three panes', () => threePanes(b, figures));
      await attempt('shared link', () => sharedLink(b, figures));
      await attempt('largest scene', () => largestScene(b, figures));
      await attempt('imported H=256', () => importedLarge(b, figures));
      await attempt('stepping while training', () => steppingWhileTraining(b, figures));
      console.error(
        `(bench: browser run ${run} of ${RUNS} done, ${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
    }
    const cal = figures.median(CALIBRATION);
    figures.print(cal);
    console.log(
      `\nCompare machines by the last column (a figure divided by the calibration run in the same page), or by the ratio of their calibration figures. The largest scene is given ${LARGEST_WAIT_S} s per run. Browser figures took ${((Date.now() - started) / 1000).toFixed(0)} s.`,
    );
  } finally {
    await browser?.close();
    server.kill();
  }
}
