import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, keepPicture } from './fixtures';

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const settings = (page: Page, pane: string) =>
  page.getByRole('group', { name: `Model ${pane}`, exact: true });
const table = (page: Page) =>
  page.getByRole('table', { name: 'Cost, skill and gradient flow of each model on this input' });
const row = (page: Page, pane: string) => table(page).getByRole('row', { name: `Model ${pane}` });

/** The shipped file's held-out accuracy, as the table prints it. */
function accuracyOf(id: string): string {
  const file = JSON.parse(readFileSync(`public/models/${id}.json`, 'utf8')) as {
    metrics: { accuracy: number };
  };
  return `${(100 * file.metrics.accuracy).toFixed(1)}%`;
}

test('from the opening (trained) scene: compare trained with trained, match sizes, own text', async ({
  page,
}) => {
  await page.goto('./');
  await expect(page.getByRole('img', { name: 'LSTM cell diagram, step 1' })).toBeVisible();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();

  // The new pane runs the GRU trained on the same task, and both headers say so.
  for (const name of ['Model A — LSTM', 'Model B — GRU']) {
    await expect(region(page, name)).toContainText('Trained on “Remember the first input”, T = 50');
  }
  await expect(
    region(page, 'Model B — GRU').getByRole('img', { name: /GRU cell diagram/ }),
  ).toBeVisible();
  // Held-out accuracy from each file; multiply-adds 4·8·(1 + 8) and 3·8·(1 + 8) per step.
  await expect(row(page, 'A').getByRole('cell').nth(3)).toHaveText(
    accuracyOf('remember-first-50-lstm'),
  );
  await expect(row(page, 'B').getByRole('cell').nth(3)).toHaveText(
    accuracyOf('remember-first-50-gru'),
  );
  await expect(row(page, 'A').getByRole('cell').nth(1)).toHaveText('288');
  await expect(row(page, 'B').getByRole('cell').nth(1)).toHaveText('216');
  // Both models' equations, side by side.
  await expect(region(page, 'Equations').locator('.equations-panel')).toHaveCount(2);
  await keepPicture(page, 'compare-trained');

  // Match parameter count: A has 4·8·(1 + 8 + 2) = 352; the closest GRU has 9 units,
  // 3·9·(1 + 9 + 2) = 324. Every view of B agrees, and so does the reloaded link.
  await page.getByRole('button', { name: 'Match parameter count' }).click();
  const checkB = async () => {
    await expect(settings(page, 'B').getByRole('spinbutton', { name: 'Hidden size' })).toHaveValue(
      '9',
    );
    await expect(region(page, 'Model B — GRU')).toContainText('324 parameters');
    await expect(region(page, 'Model B — GRU')).toContainText('Random weights');
    await expect(row(page, 'B').getByRole('cell').first()).toHaveText('324');
    await expect(region(page, 'Model B — GRU').locator('.cd-heading')).toContainText(/of 9$/);
    await expect(settings(page, 'B')).toContainText('324 parameters');
  };
  await checkB();
  await expect(page.getByRole('status').filter({ hasText: 'Matched' })).toContainText(
    'random weights now',
  );
  await page.reload();
  await checkB();

  // Own text on the trained LSTM: a way out in place, then the model draws again.
  await page.getByRole('combobox', { name: 'Input', exact: true }).selectOption('text');
  const paneA = region(page, 'Model A — LSTM');
  await expect(paneA.getByRole('alert')).toContainText(
    'reads sequences of its task, “Remember the first input”',
  );
  await paneA.getByRole('button', { name: 'Use random weights' }).click();
  await expect(paneA.getByRole('img', { name: /LSTM cell diagram/ })).toBeVisible();
  await expect(paneA).toContainText('Random weights');
  // "hello world": 8 features; 4·8·(8 + 8 + 2) = 576 in the header, the controls and the table.
  await expect(paneA).toContainText('576 parameters');
  await expect(settings(page, 'A')).toContainText('576 parameters (8 input features)');

  // The next-character model reads typed text in its alphabet, and names what it cannot.
  await settings(page, 'A')
    .getByRole('combobox', { name: 'Weights' })
    .selectOption('next-char-40-lstm');
  await page.getByRole('combobox', { name: 'Input', exact: true }).selectOption('text');
  await expect(paneA.getByRole('img', { name: /LSTM cell diagram/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Read-out of model A' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Input text' }).fill('Hello 7');
  await expect(paneA.getByRole('alert')).toContainText('“H”, “7”');
  await paneA.getByRole('button', { name: 'Rewrite the text as “hello ”' }).click();
  await expect(page.getByRole('textbox', { name: 'Input text' })).toHaveValue('hello ');
  await expect(paneA.getByRole('img', { name: /LSTM cell diagram/ })).toBeVisible();
});
