import { test, expect, seriousA11yViolations, keepPicture } from './fixtures';

test('without a link the app opens the first lesson (a trained LSTM holding the first input) under a strict Content-Security-Policy', async ({
  page,
}) => {
  await page.goto('./');
  await expect(page).toHaveTitle(/Gatescope/);
  await expect(page.getByRole('heading', { level: 1, name: 'Gatescope' })).toBeVisible();
  const notes = page.getByRole('region', { name: 'Lesson notes' });
  await expect(notes).toContainText('The LSTM’s cell state, a conveyor belt');
  await expect(notes).toContainText('Stop 1 of');
  await expect(page.getByRole('combobox', { name: 'Lesson' })).toHaveValue('conveyor-belt');
  await expect(page.getByRole('combobox', { name: 'Weights' })).toHaveValue(
    'remember-first-50-lstm',
  );
  // The trained model has loaded: the caption quotes its numbers, the read-out answers.
  await expect(notes.locator('.lesson-caption')).not.toContainText('…');
  await expect(page.getByRole('region', { name: 'Read-out of model A' })).toBeVisible();
  for (const name of [
    'Controls',
    'Cell diagram',
    'Gate heatmaps',
    'Equations',
    'Gradients through time',
  ]) {
    await expect(page.getByRole('region', { name })).toBeVisible();
  }
  expect(new URL(page.url()).hash).toBe(''); // the address stays bare until something changes
  expect(await seriousA11yViolations(page)).toEqual([]);
  await keepPicture(page, 'app-loads', { fullPage: true });

  // The production page declares a strict Content-Security-Policy.
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(csp).not.toMatch(/https?:\/\//);
  expect(await page.locator('script:not([src])').count()).toBe(0);
});
