import type { Locator, Page } from '@playwright/test';
import { test, expect, seriousA11yViolations, keepPicture } from './fixtures';

test.use({ viewport: { width: 1280, height: 720 } });

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const compareButton = (page: Page) => page.getByRole('button', { name: 'Compare', exact: true });
const table = (page: Page) =>
  page.getByRole('table', { name: 'Cost, skill and gradient flow of each model on this input' });
const hiddenSize = (page: Page, pane: string) =>
  page
    .getByRole('group', { name: `Model ${pane}`, exact: true })
    .getByRole('spinbutton', { name: 'Hidden size' });

/** The number in a summary-table cell: "1,234" → 1234. */
async function cellNumber(cell: Locator): Promise<number> {
  return Number((await cell.textContent())!.replace(/[^\d.]/g, ''));
}

/** Page width beyond the viewport, in px (0: no horizontal scrolling). */
const overflowX = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test.beforeEach(async ({ page }) => {
  await page.goto('./#v=1');
  await expect(page.getByRole('img', { name: 'LSTM cell diagram, step 1' })).toBeVisible();
});

test('Compare shows an LSTM beside a GRU, each with its diagram and heatmaps', async ({ page }) => {
  await expect(compareButton(page)).toHaveAttribute('aria-pressed', 'false');
  await compareButton(page).click();
  await expect(compareButton(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(region(page, 'Model A — LSTM')).toBeVisible();
  await expect(region(page, 'Model B — GRU')).toBeVisible();
  await expect(hiddenSize(page, 'B')).toHaveValue('8');
  await expect(region(page, 'Cell diagram')).toHaveCount(0);
  // Each pane holds its own diagram and heatmaps.
  for (const [name, cell] of [
    ['Model A — LSTM', 'LSTM'],
    ['Model B — GRU', 'GRU'],
  ] as const) {
    await expect(
      region(page, name).getByRole('img', { name: `${cell} cell diagram, step 1` }),
    ).toBeVisible();
    await expect(region(page, name).getByRole('img', { name: /^Heatmap of h/ })).toBeVisible();
  }
  await expect(table(page)).toBeVisible();
  await expect(page.getByRole('table').getByText('measuring…')).toHaveCount(0, { timeout: 15_000 });
  expect(await overflowX(page)).toBeLessThanOrEqual(0);
  await keepPicture(page, 'compare-two');
});

test('a third pane steps with the others; removing it and leaving compare restores one pane', async ({
  page,
}) => {
  await compareButton(page).click();
  await expect(region(page, 'Model B — GRU')).toBeVisible();
  await page.getByRole('button', { name: 'Add model' }).click();
  await expect(region(page, 'Model C — RNN')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add model' })).toBeDisabled();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  for (const [name, cell] of [
    ['Model A — LSTM', 'LSTM'],
    ['Model B — GRU', 'GRU'],
    ['Model C — RNN', 'RNN'],
  ] as const) {
    await expect(
      region(page, name).getByRole('img', { name: `${cell} cell diagram, step 3` }),
    ).toBeVisible();
  }
  await expect(page.getByRole('slider', { name: 'Time step' })).toHaveAttribute(
    'aria-valuenow',
    '3',
  );
  await expect(table(page).getByRole('row')).toHaveCount(4);
  await expect(page.getByRole('table').getByText('measuring…')).toHaveCount(0, { timeout: 15_000 });
  expect(await overflowX(page)).toBeLessThanOrEqual(0);
  await keepPicture(page, 'compare-three');
  // The GRU and RNN panes, the toolbar and the table: what compare adds to the one LSTM pane
  // that app-loads.spec.ts scans (the whole three-pane page took ~5 s here).
  expect(
    await seriousA11yViolations(page, ['#pane-B', '#pane-C', '.compare-toolbar', '#summary']),
  ).toEqual([]);

  await page.getByRole('button', { name: 'Remove model C' }).click();
  await expect(region(page, 'Model C — RNN')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add model' })).toBeFocused();
  await compareButton(page).click();
  await expect(compareButton(page)).toHaveAttribute('aria-pressed', 'false');
  for (const name of [
    'Controls',
    'Cell diagram',
    'Gate heatmaps',
    'Equations',
    'Gradients through time',
  ]) {
    await expect(region(page, name)).toBeVisible();
  }
  await expect(page.getByRole('img', { name: 'LSTM cell diagram, step 3' })).toBeVisible();
  await expect(page.getByRole('img', { name: /GRU cell diagram/ })).toHaveCount(0);
});

test('Match parameter count sets B’s hidden size to the closest count', async ({ page }) => {
  await compareButton(page).click();
  await hiddenSize(page, 'A').fill('20');
  const rowA = table(page).getByRole('row', { name: /Model A — LSTM/ });
  const rowB = table(page).getByRole('row', { name: /Model B — GRU/ });
  await expect(rowA.getByRole('cell').first()).not.toHaveText('576');
  await expect(hiddenSize(page, 'B')).toHaveValue('8');
  await page.getByRole('button', { name: 'Match parameter count' }).click();
  await expect(hiddenSize(page, 'B')).not.toHaveValue('8');
  await expect(page.getByRole('status').filter({ hasText: 'Matched' })).toContainText(
    'B: hidden size',
  );
  const a = await cellNumber(rowA.getByRole('cell').first());
  const b = await cellNumber(rowB.getByRole('cell').first());
  expect(a).toBe(4 * 20 * (8 + 20 + 2));
  expect(Math.abs(b - a) / a).toBeLessThan(0.05);
  // Each pane shows its own count beside its name.
  await expect(region(page, 'Model B — GRU')).toContainText(
    `${b.toLocaleString('en-US')} parameters`,
  );
  await keepPicture(page, 'compare-matched');
});

test('the weight-scale slider redraws the panes live', async ({ page }) => {
  await compareButton(page).click();
  const slider = page
    .getByRole('group', { name: 'Model A', exact: true })
    .getByRole('slider', { name: 'Weight scale slider' });
  const field = page
    .getByRole('group', { name: 'Model A', exact: true })
    .getByRole('spinbutton', { name: 'Weight scale' });
  const before = await table(page)
    .getByRole('row', { name: /Model A/ })
    .getByRole('cell')
    .nth(5)
    .textContent()
    .then((text) => text ?? '');
  await slider.focus();
  for (let k = 0; k < 30; k++) await page.keyboard.press('ArrowRight');
  await expect(field).toHaveValue('2');
  await expect(
    table(page)
      .getByRole('row', { name: /Model A/ })
      .getByRole('cell')
      .nth(5),
  ).not.toHaveText(before);
});
