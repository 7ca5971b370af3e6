import { test, expect, keepPicture } from './fixtures';

// The largest pane the controls accept: an LSTM of 64 units and 3 layers on 2000 steps. Its
// forward pass runs in the worker; the page says so and stays usable meanwhile.
const LARGE = '#v=1&panes=A&A.cell=lstm&A.hidden=64&A.layers=3&in=noise&len=2000';

test('a large scene computes in the background, says so, and the page answers meanwhile', async ({
  page,
}) => {
  await page.goto(`./${LARGE}`);
  const diagramRegion = page.getByRole('region', { name: 'Cell diagram' });
  await expect(
    diagramRegion.getByRole('status').filter({ hasText: 'Computing 2000 steps × 3 layers' }),
  ).toBeVisible();
  // While it computes, the time cursor still moves at once.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  const slider = page.getByRole('slider', { name: 'Time step' });
  await expect(slider).toHaveAttribute('aria-valuenow', '2');
  await expect(page.getByRole('img', { name: 'LSTM cell diagram, step 2' })).toBeVisible({
    timeout: 20_000,
  });
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('img', { name: 'LSTM cell diagram, step 3' })).toBeVisible();
  await keepPicture(page, 'large-scene');
});
