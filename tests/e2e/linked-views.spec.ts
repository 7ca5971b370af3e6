import type { Page } from '@playwright/test';
import { test, expect, keepPicture } from './fixtures';

const slider = (page: Page) => page.getByRole('slider', { name: 'Time step' });
const heatmap = (page: Page, name: string) => page.getByRole('img', { name: `Heatmap of ${name}` });

test.beforeEach(async ({ page }) => {
  await page.goto('./#v=1');
  await expect(page.getByRole('img', { name: 'LSTM cell diagram, step 1' })).toBeVisible();
});

// Two tests of two checks each: every new page costs seconds in some browsers.
test('a heatmap click moves the cursor and unit everywhere; then, step by step, the diagram and the equations print the same value', async ({
  page,
}) => {
  await test.step('clicking a heatmap cell moves the time cursor and the unit everywhere', async () => {
    const canvas = heatmap(page, 'f (forget gate)').locator('canvas').first();
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no heatmap canvas');
    const T = 11;
    const H = 8;
    // The centre of the cell at step 5 (column 4), unit 3 (row 2).
    await page.mouse.click(
      box.x + ((4 + 0.5) / T) * box.width,
      box.y + ((2 + 0.5) / H) * box.height,
    );
    await expect(slider(page)).toHaveAttribute('aria-valuenow', '5');
    await expect(page.getByRole('spinbutton', { name: 'Unit' })).toHaveValue('3');
    await expect(page.getByRole('img', { name: 'LSTM cell diagram, step 5' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Equations' })).toContainText('step 5');
  });
  await test.step('the same value, step by step from there', async () => {
    for (let step = 1; step <= 4; step++) {
      const chip = page.getByRole('button', { name: /^forget gate f/ });
      const chipValue = Number((await chip.getAttribute('aria-label'))?.split(':').pop());
      const result = page.locator('[data-equation="f"] [data-role="result"]').first();
      const full = Number(await result.getAttribute('data-value'));
      expect(Number.isFinite(full)).toBe(true);
      expect(chipValue).toBeCloseTo(full, 2);
      await page.keyboard.press('ArrowRight');
    }
  });
});

test('hovering one view highlights the same gate in the others; the gradient plot follows the weight scale', async ({
  page,
}) => {
  const diagramBox = (gate: string) => page.locator(`#diagram [data-gate="${gate}"]`);
  const equationRow = (gate: string) => page.locator(`[data-equation="${gate}"]`);

  await heatmap(page, 'o (output gate)').hover();
  await expect(diagramBox('o')).toHaveClass(/is-highlighted/);
  await expect(equationRow('o')).toHaveClass(/is-highlighted/);

  await equationRow('f').hover();
  await expect(diagramBox('f')).toHaveClass(/is-highlighted/);
  await expect(page.locator('.heatmap.linked')).toContainText('forget gate');

  await page.getByRole('button', { name: /^input gate i/ }).focus();
  await expect(equationRow('i')).toHaveClass(/is-highlighted/);
  await keepPicture(page, 'linked-hover', { fullPage: true });
  await test.step('the gradient plot redraws when the weight scale changes', async () => {
    const plot = page.getByRole('img', { name: 'Vanishing-gradient plot' });
    await expect(plot).toBeVisible();
    // In its column, narrower than the plot's drawing used to be, the axes' labels still
    // print at the page's type size (a fixed viewBox printed them at 8–9 px).
    const sizes = await plot.evaluate((svg: SVGSVGElement) => {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return [...svg.querySelectorAll('.tick-label')].map(
        (text) => parseFloat(getComputedStyle(text).fontSize) * scale,
      );
    });
    expect(sizes.length).toBeGreaterThan(4);
    expect(Math.min(...sizes), 'smallest tick label, CSS px').toBeGreaterThanOrEqual(13);
    const captions = page.locator('.gradient-captions');
    await expect(captions).toContainText(/steps back/);
    const before = await captions.textContent();
    await page.getByRole('spinbutton', { name: 'Weight scale', exact: true }).fill('4');
    await expect(captions).not.toHaveText(before ?? '');
    await keepPicture(
      page.getByRole('region', { name: 'Gradients through time' }),
      'gradients-weight-4',
    );
  });
});
