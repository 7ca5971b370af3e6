import type { Page } from '@playwright/test';
import { test, expect, seriousA11yViolations } from './fixtures';

test.use({ viewport: { width: 1280, height: 720 } });

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const presentationButton = (page: Page) => page.getByRole('button', { name: 'Presentation mode' });
const theme = (page: Page) => page.getByRole('combobox', { name: 'Theme' });
const px = (page: Page, selector: string, property: string) =>
  page.evaluate(
    ([sel, prop]) =>
      parseFloat(getComputedStyle(document.querySelector(sel!)!).getPropertyValue(prop!)),
    [selector, property],
  );
const overflowX = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test.beforeEach(async ({ page }) => {
  await page.goto('./#v=1');
  await expect(page.getByRole('img', { name: 'LSTM cell diagram, step 1' })).toBeVisible();
});

test('P toggles presentation mode: large type, thick lines, only the scene and equations', async ({
  page,
}) => {
  await expect(presentationButton(page)).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('p');
  await expect(presentationButton(page)).toHaveAttribute('aria-pressed', 'true');
  expect(await px(page, 'html', 'font-size')).toBeGreaterThanOrEqual(24);
  expect(await px(page, 'body', 'font-size')).toBeGreaterThanOrEqual(24);
  expect(await px(page, '.region', 'border-top-width')).toBeGreaterThanOrEqual(2);
  expect(await px(page, '.playback button', 'border-top-width')).toBeGreaterThanOrEqual(2);
  await expect(region(page, 'Controls')).toHaveCount(0);
  await expect(region(page, 'Gate heatmaps')).toHaveCount(0);
  await expect(region(page, 'Gradients through time')).toHaveCount(0);
  await expect(region(page, 'Cell diagram')).toBeVisible();
  await expect(region(page, 'Equations')).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Time step' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('img', { name: 'LSTM cell diagram, step 2' })).toBeVisible();
  await expect(region(page, 'Equations')).toContainText('step 2');
  expect(await overflowX(page)).toBeLessThanOrEqual(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/presentation-light.png' });

  await page.keyboard.press('Shift+P');
  await expect(presentationButton(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(region(page, 'Controls')).toBeVisible();
  expect(await px(page, 'html', 'font-size')).toBe(16);
  // Typing a P into a text field types it.
  const text = page.getByRole('textbox', { name: 'Input text' });
  await text.fill('');
  await text.pressSequentially('pp');
  await expect(text).toHaveValue('pp');
  await expect(presentationButton(page)).toHaveAttribute('aria-pressed', 'false');
});

for (const choice of ['Light', 'Dark'] as const) {
  const dark = choice === 'Dark';
  test(`the ${choice} theme is forced by the Theme select and passes axe`, async ({ page }) => {
    // The system's scheme agrees with the forced one: the equation colours follow it.
    await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
    await theme(page).selectOption({ label: choice });
    await expect(page.locator('html')).toHaveAttribute('data-theme', choice.toLowerCase());
    const background = await page.evaluate(
      () => getComputedStyle(document.documentElement).backgroundColor,
    );
    expect(background).toBe(dark ? 'rgb(11, 18, 32)' : 'rgb(248, 250, 252)');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  test(`the ${choice} theme while presenting passes axe`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
    await theme(page).selectOption({ label: choice });
    await presentationButton(page).click();
    await expect(page.locator('html')).toHaveAttribute('data-presentation', '');
    const presenting = await page.evaluate(
      () => getComputedStyle(document.documentElement).backgroundColor,
    );
    expect(presenting).toBe(dark ? 'rgb(0, 0, 0)' : 'rgb(255, 255, 255)');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({
      path: `test-results/screenshots/presentation-${choice.toLowerCase()}-theme.png`,
    });
  });
}

// A theme forced against the system's scheme: the equations' term colours must follow the
// forced theme (useScheme in src/views/equations/palette.ts reads <html data-theme> first),
// or they keep the other scheme's colours and fail contrast.
for (const [system, forced] of [
  ['light', 'dark'],
  ['dark', 'light'],
] as const) {
  for (const presenting of [false, true]) {
    test(`the ${forced} theme forced on a ${system} system passes axe${presenting ? ', presenting' : ''}`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: system });
      await theme(page).selectOption(forced);
      if (presenting) await presentationButton(page).click();
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
  }
}

test('a forced theme wins over the system’s', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const body = () =>
    page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(await body()).toBe('rgb(11, 18, 32)');
  await theme(page).selectOption('light');
  expect(await body()).toBe('rgb(248, 250, 252)');
  await theme(page).selectOption('system');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme');
  expect(await body()).toBe('rgb(11, 18, 32)');
});

test('compare in presentation: the panes side by side, equations under them', async ({ page }) => {
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await presentationButton(page).click();
  await expect(region(page, 'Model A — LSTM')).toBeVisible();
  await expect(region(page, 'Model B — GRU')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Remove model/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add model' })).toHaveCount(0);
  await expect(region(page, 'Comparison')).toHaveCount(0);
  await expect(region(page, 'Equations')).toBeVisible();
  expect(await overflowX(page)).toBeLessThanOrEqual(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/presentation-compare.png' });
  await page.screenshot({
    path: 'test-results/screenshots/presentation-compare-full.png',
    fullPage: true,
  });
});

test('keyboard alone: a thick focus ring, Hide and Show controls, full screen', async ({
  page,
}) => {
  await page.keyboard.press('p');
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toBeVisible();
  const ring = await focused.evaluate((el) => parseFloat(getComputedStyle(el).outlineWidth));
  expect(ring).toBeGreaterThanOrEqual(4);
  // The first stop is the Lesson select, which keeps its letters: leave it, then P.
  await focused.evaluate((el) => (el as HTMLElement).blur());
  await page.keyboard.press('p');

  const hide = page.getByRole('button', { name: 'Hide controls' });
  await hide.focus();
  await page.keyboard.press('Enter');
  await expect(region(page, 'Controls')).toHaveCount(0);
  const show = page.getByRole('button', { name: 'Show controls' });
  await expect(show).toBeFocused();
  await expect(region(page, 'Cell diagram')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(region(page, 'Controls')).toBeVisible();
  await expect(hide).toBeFocused();

  const full = page.getByRole('button', { name: 'Full screen' });
  await full.click();
  await expect(page.getByRole('button', { name: 'Exit full screen' })).toBeVisible();
  await page.getByRole('button', { name: 'Exit full screen' }).click();
  await expect(full).toBeVisible();
});
