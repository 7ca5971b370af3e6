import type { Page } from '@playwright/test';
import { test, expect, keepPicture } from './fixtures';

// The user's own numbers as the input (issue #14): pasted into "Your numbers", rows are
// steps and columns features; the diagram and the equations read x_t as the row pasted;
// a cell that is not a number is named by row and column while the scene stays.

const controls = (page: Page) => page.getByRole('region', { name: 'Controls' });
const diagram = (page: Page) => page.getByRole('region', { name: 'Cell diagram' });
const equations = (page: Page) => page.getByRole('region', { name: 'Equations' });

const PASTED = ['wind,temp,rain', '0.5,-1.25,2', '1,0,-3', '0.25,4,1.5', '-2,0.75,0'].join('\n');

test('pasted numbers run step by step, x_t is the row pasted; a bad cell is named and the scene stays', async ({
  page,
}) => {
  await page.goto('./#v=1');
  await expect(diagram(page).getByText(/step 1 of 11 · unit 1 of 8/)).toBeVisible();
  await controls(page).getByLabel('Input', { exact: true }).selectOption('numbers');
  const area = controls(page).getByRole('textbox', { name: /Numbers/ });
  await area.fill(PASTED);
  await controls(page).getByRole('button', { name: 'Use these numbers' }).click();
  await expect(
    controls(page).getByText(/In use: 4 steps × 3 features \(wind, temp, rain\)/),
  ).toBeVisible();
  await expect(diagram(page).getByText(/step 1 of 4 · unit 1 of 8/)).toBeVisible();
  await keepPicture(page, 'numbers-field');
  await keepPicture(controls(page).locator('.input-controls'), 'numbers-field-control');

  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(diagram(page).getByText(/step 2 of 4 · unit 1 of 8/)).toBeVisible();
  // x_t of step 2 is the second data row, in the diagram and in the equations.
  await expect(diagram(page).locator('[data-port^="x_{t}"]').first()).toHaveAttribute(
    'data-port',
    'x_{t} = 1, 0, -3',
  );
  await expect(equations(page).locator('.eq-context')).toContainText('x2 = 1, 0, -3');
  await expect.poll(() => decodeURIComponent(page.url())).toContain('nums=wind,temp,rain');

  // A bad cell: refused by row and column, the numbers in use and the step stay.
  await area.fill('a,b,c\n1,2,3\n4,oops,6');
  await area.press('Tab');
  await expect(controls(page).getByRole('alert')).toContainText(
    "Row 3, column 2: 'oops' is not a number. Kept the previous numbers.",
  );
  await expect(area).toHaveAttribute('aria-invalid', 'true');
  await expect(controls(page).getByText(/In use: 4 steps × 3 features/)).toBeVisible();
  await expect(diagram(page).getByText(/step 2 of 4 · unit 1 of 8/)).toBeVisible();
  await expect(diagram(page).locator('[data-port^="x_{t}"]').first()).toHaveAttribute(
    'data-port',
    'x_{t} = 1, 0, -3',
  );
  await keepPicture(controls(page).locator('.input-controls'), 'numbers-field-refused');
});
