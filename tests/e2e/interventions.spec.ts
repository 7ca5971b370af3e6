import type { Page } from '@playwright/test';
import { test, expect, keepPicture } from './fixtures';

/**
 * "What if?" on the trained remember-first LSTM (sample 1, which starts with −1): forcing
 * the forget gate of every unit to 0 from step 25 on loses the bit, and the read-out at
 * step 50 changes its answer; removing the intervention brings the original back; the
 * link carries it, and opens with it.
 */
const SCENE =
  '#v=1&panes=A&A.cell=lstm&A.hidden=8&A.model=remember-first-50-lstm&in=task&task=remember-first&len=50&nseed=1&unit=8&t=50';

const panel = (page: Page) => page.getByRole('region', { name: 'What if? Interventions' });
const readoutAnswer = (page: Page) =>
  page.getByRole('region', { name: 'Read-out of model A' }).locator('.readout-classes li').first();

test('force f = 0 from step 25: the answer changes; remove it and the original returns; the link keeps it', async ({
  page,
}) => {
  await page.goto(`./${SCENE}`);
  await expect(page.getByRole('img', { name: 'LSTM cell diagram, step 50' })).toBeVisible();
  await expect(readoutAnswer(page)).toHaveAttribute('data-class', '−1');

  // From the diagram: focus the forget gate's chip, then ask "What if…": the form is filled in.
  await page.locator('.cd-chip[data-chip="f"]').focus();
  await page.getByRole('button', { name: /^What if… \(change f of unit 8 at step 50\)/ }).click();
  const form = panel(page).getByRole('form', { name: 'Change model A’s run' });
  await expect(form.getByRole('combobox', { name: 'Gate' })).toHaveValue('f');
  await expect(form.getByRole('combobox', { name: 'Unit' })).toHaveValue('7');

  await form.getByRole('combobox', { name: 'Unit' }).selectOption('all');
  await form.getByRole('spinbutton', { name: 'From step' }).fill('25');
  await form.getByRole('spinbutton', { name: 'To step' }).fill('50');
  await form.getByRole('button', { name: '0 (shut)', exact: true }).click();
  await form.getByRole('button', { name: 'Add' }).click();

  const list = panel(page).getByRole('list', { name: 'Interventions on model A' });
  await expect(list.getByRole('listitem')).toHaveText([
    /f of every unit forced to 0 at steps 25–50/,
  ]);
  await expect(panel(page).locator('.iv-summary')).toHaveText(
    /^The answer at step 50 changed from −1 \(\d+%\) to \+1 \(\d+%\)\.$/,
  );
  await expect(readoutAnswer(page)).toHaveAttribute('data-class', '+1');
  // The diagram shows both values where they differ.
  await expect(page.locator('.cd-chip[data-chip="f"] .cd-chip-was')).toHaveText(
    /^ \(was 0\.\d+\)$/,
  );
  await expect(panel(page).locator('.iv-diff')).not.toHaveCount(0);
  await keepPicture(page, 'interventions-diagram');
  await keepPicture(panel(page), 'interventions-panel');

  // The address follows the scene a moment after a change (see sceneSync's write delay).
  const address = () => new URL(page.url()).hash;
  await expect.poll(address, { timeout: 5000 }).toContain('A.iv=f:*:25-50:0');
  const hash = address();

  await list.getByRole('button', { name: /^Remove/ }).click();
  await expect(list).toHaveCount(0);
  await expect(panel(page).locator('.iv-summary')).toHaveCount(0);
  await expect(readoutAnswer(page)).toHaveAttribute('data-class', '−1');

  // The link with the intervention opens with it.
  await page.goto('./#v=1');
  await page.goto(`./${hash}`);
  await expect(list.getByRole('listitem')).toHaveText([
    /f of every unit forced to 0 at steps 25–50/,
  ]);
  await expect(readoutAnswer(page)).toHaveAttribute('data-class', '+1');
});
