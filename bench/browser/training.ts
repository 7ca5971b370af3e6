/**
 * Stepping while a model trains (issue #15): the held-key work per step on a pane that
 * follows its training weights (an 8-unit LSTM on remember-first, T=100, updated a few times
 * a second), then the same scene with training paused, in the same page, and their ratio.
 */
import type { Browser, Page } from '@playwright/test';
import type { FigureSpec, Figures } from './figures';
import { measureStepping, stepWork } from './measure';
import { closePage, openScene, waitForHook } from './page';

const SECTION = 'Stepping while a model trains (held key, main-thread work per step)';
const SCENE = 'LSTM trained here, remember-first T=100';
const STEPS = 40;

const spec = (measure: string, unit: FigureSpec['unit'] = 'ms'): FigureSpec => ({
  section: SECTION,
  scene: SCENE,
  measure,
  unit,
});

/** The training step count the panel shows. */
async function trainingStep(page: Page): Promise<number> {
  const text = (await page.locator('#training .train-counters').textContent()) ?? '';
  return Number(/Step (\d+)/.exec(text)?.[1] ?? 0);
}

/**
 * Starts training that will not end soon (the drawn weights, a 100% target, the smallest
 * learning rate, a large budget), waits for the pane to follow it, measures held-key stepping, pauses, measures
 * again; records both p95s and medians, the training steps taken while stepping, and the
 * ratio of the p95s.
 */
export async function steppingWhileTraining(browser: Browser, figures: Figures): Promise<void> {
  const page = await openScene(browser, 'v=1');
  await waitForHook(page);
  const panel = page.locator('#training');
  await panel.getByLabel('Start from').selectOption('drawn');
  await panel.getByLabel('Steps per sequence').fill('100');
  await panel.getByLabel('Target accuracy (%)').fill('100');
  // The smallest learning rate: the same work per training step, but far from the target,
  // so training is still running when the steps are measured (at 0.01 it reached 100 %
  // before them in one run of three).
  await panel.getByLabel('Learning rate').fill('0.00001');
  await panel.getByLabel('Step budget').fill('100000');
  await panel.getByRole('button', { name: 'Train', exact: true }).click();
  await page
    .locator('[role="img"][aria-label="LSTM cell diagram, step 1"]')
    .first()
    .waitFor({ timeout: 60_000 });
  // Polled from here: a predicate evaluated in the page would need 'unsafe-eval'.
  for (let tries = 0; (await trainingStep(page)) < 10; tries++) {
    if (tries > 600) throw new Error('training did not start within 60 s');
    await page.waitForTimeout(100);
  }
  await page
    .locator('.scene')
    .first()
    .click({ position: { x: 2, y: 2 } });
  const before = await trainingStep(page);
  const training = stepWork(await measureStepping(page, STEPS, 0));
  const trained = (await trainingStep(page)) - before;
  // While a key is held the page may take in none of the worker's progress messages (the
  // count above can be 0 though the worker trains on); training was running if the count
  // moves in the half second after.
  await page.waitForTimeout(500);
  const running = (await trainingStep(page)) > before;
  await panel.getByRole('button', { name: 'Pause' }).click();
  await page.waitForTimeout(500);
  await page.keyboard.press('Home');
  await page.waitForTimeout(300);
  const paused = stepWork(await measureStepping(page, STEPS, 0));
  await closePage(page);

  // Training that had stopped before the steps (its target reached): the figures "while
  // training" would be of a page that was not training, so they are missing.
  const whileTraining = (measure: string, value: number) =>
    running
      ? figures.add(spec(measure), value)
      : figures.miss(spec(measure), 'training had stopped before the steps');
  whileTraining('p95 while training', training.p95);
  whileTraining('median while training', training.median);
  figures.add(spec('p95 with training paused'), paused.p95);
  figures.add(spec('median with training paused'), paused.median);
  figures.add(spec(`training steps the page took in during the ${STEPS} steps`, 'count'), trained);
  if (running) {
    figures.add(spec('p95 while training ÷ p95 paused', 'ratio'), training.p95 / paused.p95);
  } else {
    figures.miss(spec('p95 while training ÷ p95 paused', 'ratio'), 'training had stopped');
  }
}
