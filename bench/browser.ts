import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, resolveChromium } from '../tests/e2e/chromium';

const PORT = 4317;
const URL = `http://127.0.0.1:${PORT}/`;

/** Starts `vite preview` on the production build and resolves once it answers. */
async function startPreview(): Promise<ChildProcess> {
  const server = spawn(
    'node',
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(PORT),
      '--strictPort',
    ],
    { stdio: 'ignore' },
  );
  for (let k = 0; k < 100; k++) {
    try {
      if ((await fetch(URL)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error(`vite preview did not answer on ${URL}`);
}

/** Median and 95th percentile of a list of numbers. */
export function percentiles(values: number[]): { median: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

/** One step's timings, in ms from the keydown. */
interface StepTiming {
  /** Until the app's handlers, React's render and commit and their effects are done. */
  script: number;
  /** Style recalculation and layout forced at the start of the next animation frame. */
  layout: number;
  /** Wall time until the next animation frame starts (includes waiting for vsync). */
  frame: number;
}

/**
 * Presses → `steps` times and returns, per press: the main-thread time of the step (the
 * app's keydown work, React's synchronous render and commit, then style and layout in the
 * next frame) and the wall time to the next animation frame.
 */
async function measureStepping(page: Page, steps: number, pauseMs = 0): Promise<StepTiming[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __stepTimes: StepTiming[] };
    w.__stepTimes = [];
    let start = 0;
    window.addEventListener('keydown', () => (start = performance.now()), { capture: true });
    // Registered after the app's own listener, so it runs once the app (and React's
    // microtask flush of the discrete update) is done.
    window.addEventListener('keydown', () => {
      queueMicrotask(() => {
        const script = performance.now() - start;
        requestAnimationFrame(() => {
          const frameStart = performance.now();
          document.body.getBoundingClientRect();
          const layout = performance.now() - frameStart;
          w.__stepTimes.push({ script, layout, frame: frameStart - start });
        });
      });
    });
  });
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  for (let k = 0; k < steps; k++) {
    if (pauseMs > 0) await page.waitForTimeout(pauseMs);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (n) => (window as unknown as { __stepTimes: unknown[] }).__stepTimes.length >= n,
      k + 1,
    );
  }
  return page.evaluate(() => (window as unknown as { __stepTimes: StepTiming[] }).__stepTimes);
}

/** Sets up a scene through the UI: noise input of length T, one pane of hidden size H. */
async function setScene(page: Page, T: number, H: number): Promise<void> {
  await page.getByRole('combobox', { name: 'Input', exact: true }).selectOption('noise');
  await page.getByRole('spinbutton', { name: 'Sequence length' }).fill(String(T));
  await page.getByRole('spinbutton', { name: 'Hidden size' }).fill(String(H));
  await page.getByRole('slider', { name: 'Time step' }).waitFor();
}

/**
 * Steps `steps` times in a scene of length T and hidden size H; prints one table row set.
 * Steps come as fast as the page takes them (a held key: the per-step flow animation is
 * skipped), or `pauseMs` apart (a student pressing →: every step's flow plays).
 */
async function stepBench(
  page: Page,
  T: number,
  H: number,
  extra?: (page: Page) => Promise<void>,
  label = 'one LSTM',
  { steps = 100, pauseMs = 0 } = {},
): Promise<void> {
  await page.goto(`${URL}#v=1`); // a link: the default scene, not the last one saved
  await setScene(page, T, H);
  await extra?.(page);
  const traces = () =>
    page.evaluate(() =>
      (window as unknown as { __gatescope: { traces: () => number } }).__gatescope.traces(),
    );
  const tracesBefore = await traces();
  const times = await measureStepping(page, steps, pauseMs);
  const tracesAfter = await traces();
  const work = percentiles(times.map((t) => t.script + t.layout));
  const script = percentiles(times.map((t) => t.script));
  const frame = percentiles(times.map((t) => t.frame));
  const row = (what: string, p: { median: number; p95: number }, target = '') =>
    console.log(
      `| ${label}, T=${T}, H=${H} | ${what} | ${p.median.toFixed(2)} | ${p.p95.toFixed(2)} | ${target} |`,
    );
  row('main-thread work per step (script + style/layout)', work, 'p95 < 16');
  row('of which script (handlers, React render, commit, effects)', script);
  row('keydown → next animation frame (wall, includes the wait for vsync)', frame);
  console.log(
    `| ${label}, T=${T}, H=${H} | traces computed during ${steps} steps (0: the memo holds) | ${tracesAfter - tracesBefore} | | 0 |`,
  );
}

/** Adds panes B (GRU) and C (RNN) through the UI. */
async function compareThree(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.getByRole('button', { name: 'Add model' }).click();
  await page.getByRole('region', { name: 'Model C — RNN' }).waitFor();
}

/**
 * Moves the weight-scale slider `updates` times, each time waiting for the next animation
 * frame (the new traces, diagram, heatmaps and equations are drawn by then; the Jacobian
 * norms and saliency arrive from their worker a little later); returns updates per second.
 * The rate is quantized by frames: 60/s when an update fits in one 60 Hz frame, 30/s in two.
 */
async function sliderRate(page: Page, updates: number): Promise<number> {
  const slider = page.getByRole('slider', { name: 'Weight scale slider' }).first();
  await slider.focus();
  return page.evaluate(async (n) => {
    const input = document.activeElement as HTMLInputElement;
    const start = performance.now();
    for (let k = 0; k < n; k++) {
      const step = k % 2 === 0 ? 'ArrowRight' : 'ArrowLeft';
      input.dispatchEvent(new KeyboardEvent('keydown', { key: step, bubbles: true }));
      input.stepUp(k % 2 === 0 ? 1 : -1);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // Inline on purpose: a named helper would be compiled with a helper the page lacks.
      // One frame: the update's render is synchronous, so it is painted by then.
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    }
    return (n * 1000) / (performance.now() - start);
  }, updates);
}

/** Opens a shared link in a fresh page; ms from navigation start to the restored diagram. */
async function linkRestoreMs(page: Page): Promise<number> {
  const hash = '#v=1&panes=AB&A.cell=lstm&B.cell=gru&text=the%20quick%20brown%20fox&t=7&unit=3';
  await page.goto(URL + hash);
  await page.getByRole('img', { name: 'GRU cell diagram, step 7' }).waitFor();
  return page.evaluate(() => performance.now());
}

/**
 * Prints the browser benchmark table: pressing → 100 times on a production build with
 * every view shown (diagram, six heatmaps, equations, gradient plot), one LSTM pane.
 */
export async function reportBrowserBench(): Promise<void> {
  const server = await startPreview();
  const browser = await chromium.launch({
    executablePath: await resolveChromium(),
    args: [...CHROMIUM_ARGS],
  });
  try {
    // A fresh page for each scene: a same-page hash change would not reload the app.
    const newPage = () => browser.newPage({ viewport: { width: 1440, height: 900 } });
    console.log(
      '\n## Browser: stepping with → (production build, headless Chromium, LSTM, all views)\n',
    );
    console.log('| scene | measure | median ms | p95 ms | target |');
    console.log('| --- | --- | ---: | ---: | --- |');
    await stepBench(await newPage(), 200, 32);
    await stepBench(await newPage(), 500, 32);
    const page = await newPage();
    await stepBench(page, 200, 32, compareThree, 'three panes');
    await stepBench(
      await newPage(),
      200,
      32,
      compareThree,
      'three panes, steps 300 ms apart (every flow animation plays)',
      { steps: 40, pauseMs: 300 },
    );
    const rate = await sliderRate(page, 30);
    console.log(
      `\nDragging the weight-scale slider (three panes, T=200, H=32): ${rate.toFixed(1)} updates/s, traces, diagrams, heatmaps and equations recomputed and redrawn each frame, Jacobian norms and saliency from the worker as they arrive (target ≥ 30).`,
    );
    const single = await newPage();
    await single.goto(`${URL}#v=1`);
    await setScene(single, 500, 32);
    const rate500 = await sliderRate(single, 30);
    console.log(
      `Dragging the weight-scale slider (one LSTM, T=500, H=32): ${rate500.toFixed(1)} updates/s (target ≥ 30).`,
    );
    const fresh = await newPage();
    console.log(
      `Opening a shared link (LSTM + GRU): restored scene shown ${(await linkRestoreMs(fresh)).toFixed(0)} ms after navigation start (target < 1000).`,
    );
  } finally {
    await browser.close();
    server.kill();
  }
}
