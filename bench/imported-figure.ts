/**
 * Only the imported-model figure of the browser bench (bench/browser/imported.ts), for
 * work on big models: `npx vite build --mode bench --outDir dist-bench/app --emptyOutDir`,
 * then `npx tsx bench/imported-figure.ts` (BENCH_RUNS runs, 3 by default).
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, resolveChromium } from '../tests/e2e/chromium';
import { Figures } from './browser/figures';
import { importedLarge } from './browser/imported';
import { startPreview } from './browser/server';

const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3) || 3);
const server = await startPreview('dist-bench/app');
const browser = await chromium.launch({
  executablePath: await resolveChromium(),
  args: [...CHROMIUM_ARGS],
});
try {
  const figures = new Figures();
  for (let k = 0; k < runs; k++) await importedLarge(browser, figures);
  figures.print(0);
} finally {
  await browser.close();
  server.kill();
}
