/**
 * An imported model as big as real ones (issue #14): an LSTM with H=256 registered through
 * the bench-only hook as if it came from a file, stepped with a held key on T=200, beside
 * the one-LSTM (H=32) held-key figure measured in the same run, and their ratio.
 */
import type { Browser, Page } from '@playwright/test';
import type { FigureSpec, Figures } from './figures';
import { measureStepping, stepWork } from './measure';
import { closePage, openScene, tracesComputed, waitForHook } from './page';

/** The section the figures are printed in. */
const SECTION = 'Imported model as big as real ones (held key, main-thread work per step)';
/** The small scene: one drawn LSTM, H=32, T=200 (as in the stepping table). */
const SMALL = 'v=1&A.hidden=32&in=noise&len=200';
/** The imported model: one LSTM layer of 256 units on 8 noise features. */
const BIG_SPEC = { cell: 'lstm', inputSize: 8, hiddenSize: 256, numLayers: 1 } as const;
/** Held-key steps per measurement. */
const STEPS = 40;

const DIAGRAM = '[role="img"][aria-label*=" cell diagram, step "]';

const spec = (scene: string, measure: string, unit: FigureSpec['unit'] = 'ms'): FigureSpec => ({
  section: SECTION,
  scene,
  measure,
  unit,
});

/** The p95 and median work per held-key step, and the traces computed meanwhile. */
async function held(page: Page): Promise<{ p95: number; median: number; traces: number }> {
  const before = await tracesComputed(page);
  const work = stepWork(await measureStepping(page, STEPS, 0));
  return { ...work, traces: (await tracesComputed(page)) - before };
}

/**
 * Opens the small scene, steps it; then registers the synthetic H=256 LSTM, opens it in
 * pane A of the same input (T=200), lets its heatmaps paint and steps it. Records both
 * p95s, the big one's median and traces, and the ratio of the p95s.
 */
export async function importedLarge(browser: Browser, figures: Figures): Promise<void> {
  const small = await openScene(browser, SMALL);
  await small.locator(DIAGRAM).first().waitFor({ timeout: 60_000 });
  await waitForHook(small);
  await small.waitForTimeout(500);
  const a = await held(small);
  await closePage(small);

  const page = await openScene(browser, 'v=1&in=noise&len=200');
  await page.locator(DIAGRAM).first().waitFor({ timeout: 60_000 });
  await waitForHook(page);
  const id = await page.evaluate(
    (s) =>
      (
        window as unknown as { __gatescope: { importSynthetic(x: unknown): Promise<string> } }
      ).__gatescope.importSynthetic(s),
    BIG_SPEC,
  );
  await page.evaluate((h) => (location.hash = h), `v=1&A.import=${id}&in=noise&len=200`);
  await page
    .locator('[role="img"][aria-label="LSTM cell diagram, step 1"]')
    .first()
    .waitFor({ timeout: 60_000 });
  await page
    .getByText(/unit 1 of 256/)
    .first()
    .waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1500); // heatmap paints and the gradient worker's first result
  const b = await held(page);
  await closePage(page);

  const bigScene = 'imported LSTM, T=200, H=256';
  figures.add(spec('one LSTM, T=200, H=32', 'p95'), a.p95);
  figures.add(spec('one LSTM, T=200, H=32', 'median'), a.median);
  figures.add(spec(bigScene, 'p95'), b.p95);
  figures.add(spec(bigScene, 'median'), b.median);
  figures.add(
    { ...spec(bigScene, `traces computed during ${STEPS} steps`), unit: 'count' },
    b.traces,
  );
  figures.add(spec(bigScene, 'p95 ÷ the H=32 p95 of the same run', 'ratio'), b.p95 / a.p95);
  figures.add(
    spec(bigScene, 'median ÷ the H=32 median of the same run', 'ratio'),
    b.median / a.median,
  );
}
