import { test, expect, seriousA11yViolations } from './fixtures';

test('the app loads its default scene with every region, cleanly and accessibly', async ({
  page,
}) => {
  await page.goto('./');
  await expect(page).toHaveTitle(/Gatescope/);
  await expect(page.getByRole('heading', { level: 1, name: 'Gatescope' })).toBeVisible();
  for (const name of [
    'Controls',
    'Cell diagram',
    'Gate heatmaps',
    'Equations',
    'Gradients through time',
  ]) {
    await expect(page.getByRole('region', { name })).toBeVisible();
  }
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/app-loads.png', fullPage: true });
});

test('the production page declares a strict Content-Security-Policy', async ({ page }) => {
  await page.goto('./');
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(csp).not.toMatch(/https?:\/\//);
  expect(await page.locator('script:not([src])').count()).toBe(0);
});
