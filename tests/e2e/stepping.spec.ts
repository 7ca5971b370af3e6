import type { Page } from '@playwright/test';
import { test, expect, seriousA11yViolations, keepPicture } from './fixtures';

const slider = (page: Page) => page.getByRole('slider', { name: 'Time step' });
const diagram = (page: Page, cell: string, step: number) =>
  page.getByRole('img', { name: `${cell} cell diagram, step ${step}` });

test.beforeEach(async ({ page }) => {
  await page.goto('./#v=1');
  await expect(diagram(page, 'LSTM', 1)).toBeVisible();
});

test('the default scene is an LSTM on a short text at step 1; → and the playback controls and keys drive the one time cursor', async ({
  page,
}) => {
  await expect(slider(page)).toHaveAttribute('aria-valuemin', '1');
  await expect(slider(page)).toHaveAttribute('aria-valuemax', '11');
  await expect(slider(page)).toHaveAttribute('aria-valuenow', '1');
  await page.keyboard.press('ArrowRight');
  await expect(slider(page)).toHaveAttribute('aria-valuenow', '2');
  await expect(diagram(page, 'LSTM', 2)).toBeVisible();
  await keepPicture(page, 'lstm-step-2', { fullPage: true });
  await page.keyboard.press('ArrowLeft');
  await expect(slider(page)).toHaveAttribute('aria-valuenow', '1');

  await page.getByRole('button', { name: 'Step forward' }).click();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(slider(page)).toHaveAttribute('aria-valuenow', '3');
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(slider(page)).toHaveAttribute('aria-valuenow', '2');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('End');
  await expect(slider(page)).toHaveAttribute('aria-valuenow', '11');
  await page.keyboard.press('Home');
  await expect(slider(page)).toHaveAttribute('aria-valuenow', '1');
  await page.keyboard.press('PageDown');
  await expect(slider(page)).toHaveAttribute('aria-valuenow', '2');
  await page.getByRole('button', { name: 'Restart' }).click();
  await expect(slider(page)).toHaveAttribute('aria-valuenow', '1');

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(slider(page)).not.toHaveAttribute('aria-valuenow', '1', { timeout: 5000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

  await slider(page).fill('7');
  await expect(diagram(page, 'LSTM', 7)).toBeVisible();
});

test('typing an input text changes the sequence; a bad value is refused with a message', async ({
  page,
}) => {
  const text = page.getByRole('textbox', { name: 'Input text' });
  await text.fill('abcabcabcabc');
  await expect(slider(page)).toHaveAttribute('aria-valuemax', '12');
  await text.fill('');
  await expect(page.getByRole('alert').filter({ hasText: 'at least one character' })).toBeVisible();
  await expect(slider(page)).toHaveAttribute('aria-valuemax', '12');

  const hidden = page.getByRole('spinbutton', { name: 'Hidden size' });
  await hidden.fill('100');
  await expect(
    page.getByRole('alert').filter({ hasText: 'Hidden size must be from 1 to 64' }),
  ).toBeVisible();
  await expect(diagram(page, 'LSTM', 1)).toBeVisible();

  await page.getByRole('combobox', { name: 'Input', exact: true }).selectOption('sine');
  const length = page.getByRole('spinbutton', { name: 'Sequence length' });
  await length.fill('2001');
  await expect(page.getByRole('alert').filter({ hasText: '1 to 2000' })).toBeVisible();
  await length.fill('2000');
  await expect(slider(page)).toHaveAttribute('aria-valuemax', '2000');
  await page.keyboard.press('Escape');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('End');
  await expect(diagram(page, 'LSTM', 2000)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Go to step/ })).toHaveCount(25);
});

/** True when the x_t label sits clear of the cell's bottom border (not across it). */
async function inputLabelClear(page: Page): Promise<boolean> {
  return page.locator('#diagram .cd-svg').evaluate((svg) => {
    const body = svg.querySelector('.cd-body')!.getBoundingClientRect();
    const port = [...svg.querySelectorAll('[data-port]')].find((g) =>
      g.getAttribute('data-port')!.startsWith('x'),
    );
    const label = port!.getBoundingClientRect();
    return label.bottom <= body.bottom || label.top >= body.bottom;
  });
}

/**
 * The port labels (names and values) that a wire runs through, each value written as the
 * widest a port shows (seven characters, −0.0123): each wire is sampled every 2 units
 * along its length and no sample may fall inside a label's text box.
 */
async function labelsOnWires(page: Page): Promise<string[]> {
  return page.locator('#diagram .cd-svg').evaluate((svg: SVGSVGElement) => {
    for (const value of svg.querySelectorAll('.cd-port-value')) value.textContent = '−0.0123';
    const boxes = [...svg.querySelectorAll('.cd-port text')].map((text) => ({
      text: text.textContent ?? '',
      box: text.getBoundingClientRect(),
    }));
    const hits = new Set<string>();
    for (const line of svg.querySelectorAll<SVGGeometryElement>('.cd-wire-line')) {
      const toScreen = line.getScreenCTM()!;
      const length = line.getTotalLength();
      for (let s = 0; s <= length; s += 2) {
        const p = line.getPointAtLength(s).matrixTransform(toScreen);
        for (const { text, box } of boxes) {
          const inside =
            p.x > box.left + 1 && p.x < box.right - 1 && p.y > box.top + 1 && p.y < box.bottom - 1;
          if (inside) hits.add(`"${text}" on ${line.parentElement!.getAttribute('data-wire')}`);
        }
      }
    }
    return [...hits];
  });
}

test('switching cell type and GRU convention redraws the diagram; screenshots of each', async ({
  page,
}) => {
  const cell = page.getByRole('combobox', { name: 'Cell type' });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const region = page.getByRole('region', { name: 'Cell diagram' });
  await keepPicture(region, 'diagram-lstm');
  expect(await inputLabelClear(page), 'LSTM: x_t label across the border').toBe(true);
  expect(await labelsOnWires(page), 'LSTM').toEqual([]);

  await cell.selectOption('gru');
  await expect(diagram(page, 'GRU', 4)).toBeVisible();
  await expect(region).toContainText(/PyTorch/);
  await keepPicture(region, 'diagram-gru-pytorch');
  expect(await inputLabelClear(page), 'GRU: x_t label across the border').toBe(true);
  expect(await labelsOnWires(page), 'GRU').toEqual([]);
  await page.getByRole('combobox', { name: 'GRU convention' }).selectOption('classic');
  await expect(region).toContainText(/Classic/);
  await keepPicture(region, 'diagram-gru-classic');

  await cell.selectOption('rnn');
  await expect(diagram(page, 'RNN', 4)).toBeVisible();
  await keepPicture(region, 'diagram-rnn-tanh');
  expect(await inputLabelClear(page), 'RNN: x_t label across the border').toBe(true);
  expect(await labelsOnWires(page), 'RNN').toEqual([]);
  await page.getByRole('combobox', { name: 'Nonlinearity' }).selectOption('relu');
  await expect(region).toContainText(/relu/);
  await keepPicture(region, 'diagram-rnn-relu');

  await cell.selectOption('lstm');
  await page.getByRole('spinbutton', { name: 'Layers' }).fill('2');
  await page
    .getByRole('region', { name: 'Cell diagram' })
    .getByRole('combobox', { name: 'Layer' })
    .selectOption({ index: 1 });
  await expect(diagram(page, 'LSTM', 4)).toBeVisible();
  // What layers add: the controls and the diagram's Layer select (the rest as app-loads scans it).
  expect(await seriousA11yViolations(page, ['#controls', '#diagram'])).toEqual([]);
});
