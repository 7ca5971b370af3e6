import type { Page } from '@playwright/test';

/** The value at quantile q (0–1) of a list of numbers (nearest rank, from below). */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/** One step's timings, in ms from the keydown. */
export interface StepTiming {
  /** Until the app's handlers, React's render and commit and their effects are done. */
  script: number;
  /** Style recalculation and layout forced at the start of the next animation frame. */
  layout: number;
  /** Wall time until the next animation frame starts (includes waiting for vsync). */
  frame: number;
}

/** Median and p95 of the main-thread work per step (script + style/layout), in ms. */
export function stepWork(times: readonly StepTiming[]): { median: number; p95: number } {
  const work = times.map((t) => t.script + t.layout);
  return { median: quantile(work, 0.5), p95: quantile(work, 0.95) };
}

/** The accessible name of pane A's cell diagram ends its first clause with the step shown. */
const DIAGRAM = '[role="img"][aria-label*=" cell diagram, step "]';

/** The step pane A's diagram shows. */
async function shownStep(page: Page): Promise<number> {
  const label = await page.locator(DIAGRAM).first().getAttribute('aria-label');
  return Number(/ step (\d+)/.exec(label ?? '')?.[1] ?? NaN);
}

/**
 * Presses → `steps` times, `pauseMs` apart (0: as fast as the page takes them, a held key
 * whose per-step flow animation is skipped; 300: a student pressing →, every step's flow
 * plays), and returns per press the main-thread time of the step (the app's keydown work,
 * React's synchronous render and commit, then style and layout in the next frame) and the
 * wall time to the next animation frame. Throws when a step takes over `stepTimeoutMs`,
 * and when pane A's diagram did not advance by `steps`: keypresses that stepped nothing
 * (a model not loaded, the focus elsewhere) would make a fast figure that means nothing.
 */
export async function measureStepping(
  page: Page,
  steps: number,
  pauseMs: number,
  stepTimeoutMs = 10_000,
): Promise<StepTiming[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __stepTimes?: StepTiming[] };
    if (w.__stepTimes) {
      w.__stepTimes = [];
      return;
    }
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
          w.__stepTimes?.push({ script, layout, frame: frameStart - start });
        });
      });
    });
  });
  const from = await shownStep(page);
  await page.locator('body').click({ position: { x: 2, y: 2 }, timeout: stepTimeoutMs });
  for (let k = 0; k < steps; k++) {
    if (pauseMs > 0) await page.waitForTimeout(pauseMs);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (n) => (window as unknown as { __stepTimes: unknown[] }).__stepTimes.length >= n,
      k + 1,
      { timeout: stepTimeoutMs },
    );
  }
  const times = await page.evaluate(
    () => (window as unknown as { __stepTimes: StepTiming[] }).__stepTimes,
  );
  const to = await shownStep(page);
  if (to - from !== steps) {
    throw new Error(`${steps} presses of → stepped pane A from ${from} to ${to}: no figure.`);
  }
  return times;
}

/**
 * Moves pane A's weight-scale slider `updates` positions to the right (a drag one way:
 * every update is a new weight scale, as in a real drag), each time waiting for the next
 * animation frame (the new traces, diagram, heatmaps and equations are drawn by then; the
 * Jacobian norms and saliency arrive from their worker a little later); returns updates
 * per second. The rate is quantized by frames: 60/s when an update fits in one 60 Hz
 * frame, 30/s in two. The slider has 100 positions right of scale 1.
 */
export async function sliderRate(page: Page, updates: number): Promise<number> {
  const slider = page.getByRole('slider', { name: 'Weight scale slider' }).first();
  await slider.focus();
  return page.evaluate(async (n) => {
    const input = document.activeElement as HTMLInputElement;
    const start = performance.now();
    for (let k = 0; k < n; k++) {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      input.stepUp(1);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // Inline on purpose: a named helper would be compiled with a helper the page lacks.
      // One frame: the update's render is synchronous, so it is painted by then.
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    }
    return (n * 1000) / (performance.now() - start);
  }, updates);
}
