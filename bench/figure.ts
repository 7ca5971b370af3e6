/**
 * One figure of the browser bench, for work on it: `npx vite build --mode bench --outDir
 * dist-bench/app --emptyOutDir`, then `npx tsx bench/figure.ts <name>` (BENCH_RUNS runs, 3 by
 * default), where <name> is `imported` (bench/browser/imported.ts), `training`
 * (bench/browser/training.ts), or one of bench/browser/scenes.ts: `calibration`, `one-pane`,
 * `three-panes`, `shared-link`, `largest-scene`.
 */
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, resolveChromium } from '../tests/e2e/chromium';
import { Figures } from './browser/figures';
import { importedLarge } from './browser/imported';
import { startPreview } from './browser/server';
import { calibration, largestScene, onePane, sharedLink, threePanes } from './browser/scenes';
import { steppingWhileTraining } from './browser/training';

const FIGURES: Record<string, (browser: Browser, figures: Figures) => Promise<void>> = {
  imported: importedLarge,
  training: steppingWhileTraining,
  calibration,
  'one-pane': onePane,
  'three-panes': threePanes,
  'shared-link': sharedLink,
  'largest-scene': largestScene,
};

const name = process.argv[2] ?? '';
const measure = FIGURES[name];
if (!measure) {
  console.error(`Usage: npx tsx bench/figure.ts ${Object.keys(FIGURES).join('|')}`);
  process.exit(2);
}
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3) || 3);
const server = await startPreview('dist-bench/app');
const browser = await chromium.launch({
  executablePath: await resolveChromium(),
  args: [...CHROMIUM_ARGS],
});
try {
  const figures = new Figures();
  for (let k = 0; k < runs; k++) await measure(browser, figures);
  figures.print(0);
} finally {
  await browser.close();
  server.kill();
}
