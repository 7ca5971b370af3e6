import type { Page } from '@playwright/test';
import { test, expect, keepPicture, cutSelects } from './fixtures';

// Training in the page: an LSTM learns remember-first (T = 20) in the worker while the scene
// follows its weights; Pause stops the counters; the scrubber shows earlier weights; in
// compare mode two models race on the same batches.

test.use({ viewport: { width: 1280, height: 900 } });

const training = (page: Page) => page.getByRole('region', { name: 'Train here' });
const counters = (page: Page) => training(page).locator('.train-counters');
const stepCount = async (page: Page) =>
  Number(/Step (\d+)/.exec((await counters(page).textContent()) ?? '')?.[1] ?? NaN);

test.beforeEach(async ({ page }) => {
  await page.goto('./#v=1');
  await expect(page.getByRole('img', { name: 'LSTM cell diagram, step 1' })).toBeVisible();
});

test('an LSTM learns remember-first until its held-out accuracy passes 95%, and the scene shows it', async ({
  page,
}) => {
  await training(page).getByRole('button', { name: 'Train', exact: true }).click();
  const message = training(page).getByRole('alert');
  await expect(message).toContainText(/Reached 95% held-out accuracy at step \d+\./, {
    timeout: 30_000,
  });
  // The loss has fallen: the chart's summary says where the held-out loss started and ended.
  const chart = training(page).getByRole('img', { name: /^Loss over training/ });
  const label = (await chart.getAttribute('aria-label')) ?? '';
  const [, first, last] =
    /held-out loss ([\d.e-]+) at step 0, ([\d.e-]+) at step/.exec(label) ?? [];
  expect(Number(last)).toBeLessThan(Number(first) * 0.7);
  // The pane runs the trained weights on a sample of the task, and its read-out answers.
  const controls = page.getByRole('region', { name: 'Controls' });
  await expect(controls.getByLabel('Weights')).toHaveValue(/^remember-first-20-lstm-here-/);
  await expect(controls.getByLabel('Weights').locator('option:checked')).toContainText(
    'remember-first, T = 20',
  );
  await expect(page.getByRole('region', { name: 'Read-out of model A' })).toContainText('scored');
  await keepPicture(page, 'training-done', { fullPage: true });
});

test('Pause stops the counters, Step takes one step, and the scrubber shows earlier weights', async ({
  page,
}) => {
  // A start and target it cannot reach soon (no keep-gate bias), so it trains until paused.
  await training(page).getByLabel('Start from').selectOption('drawn');
  await training(page).getByLabel('Target accuracy (%)').fill('100');
  await training(page).getByLabel('Step budget').fill('100000');
  await training(page).getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => stepCount(page), { timeout: 20_000 }).toBeGreaterThan(40);
  await training(page).getByRole('button', { name: 'Pause' }).click();
  await expect(counters(page)).toContainText('paused');
  const paused = await stepCount(page);
  await page.waitForTimeout(700);
  expect(await stepCount(page)).toBe(paused);
  await training(page).getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => stepCount(page)).toBe(paused + 1);

  // The diagram's numbers at the latest weights, then at step 0's.
  const diagram = page.getByRole('region', { name: 'Cell diagram' });
  const latest = await diagram.textContent();
  const scrubber = training(page).getByRole('slider', { name: 'Training step' });
  await scrubber.focus();
  await page.keyboard.press('Home');
  await expect(training(page).locator('.train-scrubber output')).toContainText('step 0 of');
  await expect.poll(() => diagram.textContent()).not.toBe(latest);
  await page.keyboard.press('End');
  await expect(training(page).locator('.train-scrubber output')).toContainText('(latest)');
  await expect.poll(() => diagram.textContent()).toBe(latest);
});

test('in compare mode two models race on the same batches: two curves and steps to target', async ({
  page,
}) => {
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Model B — GRU', exact: true })).toBeVisible();
  await training(page).getByRole('button', { name: 'Train', exact: true }).click();
  await expect(training(page).getByRole('alert')).toContainText(
    /Every model reached 95% held-out accuracy \(A at step \d+, B at step \d+\)|step budget/,
    { timeout: 30_000 },
  );
  const curves = training(page).locator('path.train-loss');
  await expect(curves).toHaveCount(2);
  await expect(training(page).locator('g[data-pane="A"] path.train-loss')).toHaveAttribute(
    'd',
    /L/,
  );
  await expect(training(page).locator('g[data-pane="B"] path.train-loss')).toHaveAttribute(
    'd',
    /L/,
  );
  const table = page.getByRole('table', {
    name: 'Cost, skill and gradient flow of each model on this input',
  });
  await expect(table.getByText('Steps to target')).toBeVisible();
});

test('on a 700 px window the Train selects show their whole choice', async ({ page }) => {
  await page.setViewportSize({ width: 700, height: 900 });
  const selects = training(page).getByRole('combobox');
  await expect(selects.first()).toBeVisible();
  expect(await selects.count()).toBeGreaterThanOrEqual(2);
  const cut = await cutSelects(selects);
  expect(cut).toEqual([]);
});
