import type { Browser, Page } from '@playwright/test';
import { test, expect } from './fixtures';

const slider = (page: Page) => page.getByRole('slider', { name: 'Time step' });
const cellType = (page: Page) => page.getByRole('combobox', { name: 'Cell type' });
const inputText = (page: Page) => page.getByRole('textbox', { name: 'Input text' });
const unit = (page: Page) => page.getByRole('spinbutton', { name: 'Unit' });
const notice = (page: Page) =>
  page.getByRole('status', { name: 'Some settings of this link could not be read' });

/** Waits until the debounced hash holds every `key=value` given (values as written). */
async function hashHas(page: Page, pairs: string[]) {
  await expect
    .poll(() => new URL(page.url()).hash.slice(1).split('&'), { timeout: 5000 })
    .toEqual(expect.arrayContaining(pairs));
}

/** A page in a new browser context (nothing shared: no storage), with its console watched. */
async function freshPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return { context, page, problems };
}

/** The default scene: one LSTM on "hello world" (11 steps), at step 1. */
async function expectDefaultScene(page: Page) {
  await expect(cellType(page)).toHaveValue('lstm');
  await expect(inputText(page)).toHaveValue('hello world');
  await expect(slider(page)).toHaveAttribute('aria-valuemax', '11');
  await expect(slider(page)).toHaveAttribute('aria-valuenow', '1');
}

test('a link opens the same cell, text, step, unit and equation notation in a fresh browser', async ({
  page,
  browser,
}) => {
  await page.goto('./#v=1');
  await expect(slider(page)).toHaveAttribute('aria-valuenow', '1');
  expect(new URL(page.url()).hash).toBe('#v=1');
  await cellType(page).selectOption('gru');
  await inputText(page).fill('gates remember: 🎉 ünïcode');
  await slider(page).fill('7');
  await unit(page).fill('4');
  await page
    .getByRole('radio', { name: /course notes/ })
    .first()
    .check();
  await hashHas(page, ['v=1', 'A.cell=gru', 't=7', 'unit=4', 'eqs=concat']);
  const link = page.url();

  const fresh = await freshPage(browser);
  await fresh.page.goto(link);
  await expect(cellType(fresh.page)).toHaveValue('gru');
  await expect(inputText(fresh.page)).toHaveValue('gates remember: 🎉 ünïcode');
  await expect(slider(fresh.page)).toHaveAttribute('aria-valuenow', '7');
  await expect(unit(fresh.page)).toHaveValue('4');
  // The equations' notation travels with the link.
  await expect(fresh.page.getByRole('radio', { name: /course notes/ }).first()).toBeChecked();
  await expect(fresh.page.getByRole('img', { name: 'GRU cell diagram, step 7' })).toBeVisible();
  await expect(fresh.page.getByRole('status', { name: /could not/ })).toHaveCount(0);
  expect(fresh.problems).toEqual([]);
  await fresh.context.close();
});

// Two kinds that only a real browser can show: the notice on a page opened from a link, and
// a URL of 100 000 characters (a damaged compressed text is the next test). Every other broken value (an
// unknown version, out-of-range sizes, unknown cells, NaN …) is read by the same decoder
// and checked, message by message, in tests/io/brokenHashes.test.ts and, damaged at
// random, in tests/io/linkProperty.test.ts.
const BROKEN: readonly (readonly [string, string, RegExp])[] = [
  ['garbage', '#%%%', /Could not read '%%%'/],
  [
    'a 100 000-character text',
    `#v=1&text=${'a'.repeat(100_000)}`,
    /input text .*100,000 characters/,
  ],
];

test('a link with garbage, or a text of 100 000 characters, opens the default scene, saying what it could not read', async ({
  page,
}) => {
  for (const [what, hash, message] of BROKEN) {
    await test.step(what, async () => {
      await page.goto('about:blank'); // each link opens a fresh page
      await page.goto(`./${hash}`);
      await expect(notice(page)).toBeVisible();
      await expect(notice(page)).toContainText(message);
      await expectDefaultScene(page);
      await page.getByRole('button', { name: 'Dismiss' }).click();
      await expect(notice(page)).toHaveCount(0);
      await expectDefaultScene(page);
    });
  }
});

test('a compressed text with one character changed is refused, naming tz, not shown', async ({
  page,
}) => {
  await page.goto('./#v=1');
  await inputText(page).fill('a b c '.repeat(25).trim()); // 74 spaces: over 200 characters as %20
  await inputText(page).blur(); // a focused box keeps showing what was typed
  await expect.poll(() => new URL(page.url()).hash, { timeout: 5000 }).toMatch(/&tz=\d+\./);
  // One character of the compressed data, well past its check, changed.
  const hash = new URL(page.url()).hash;
  const at = hash.lastIndexOf('.') + 8;
  const damaged = `${hash.slice(0, at)}${hash[at] === 'A' ? 'B' : 'A'}${hash.slice(at + 1)}`;
  await page.evaluate((h) => {
    location.hash = h; // pasted into the same tab
  }, damaged);
  await expect(notice(page)).toContainText(
    /Could not read the compressed input text \(tz\) .*damaged.*; used "hello world"\./,
  );
  await expect(inputText(page)).toHaveValue('hello world');
  // The address is rewritten to what is shown: the default scene.
  await expect.poll(() => new URL(page.url()).hash, { timeout: 5000 }).toBe('#v=1');
});

test('a length the task does not take opens as the length run, in the control, the address and the notice', async ({
  page,
}) => {
  await page.goto('./#v=1&in=task&task=remember-first&len=2000');
  await expect(notice(page)).toContainText(
    'The sequence length 2000 is outside what the task remember-first takes (5 to 100 steps); used 100.',
  );
  await expect(page.getByRole('spinbutton', { name: 'Sequence length' })).toHaveValue('100');
  await expect(slider(page)).toHaveAttribute('aria-valuemax', '100');
  await hashHas(page, ['v=1', 'in=task', 'len=100']);
});

test('a custom input text survives a reload, and a visit without a link', async ({ page }) => {
  await page.goto('./#v=1');
  await expect(inputText(page)).toHaveValue('hello world');
  await inputText(page).fill('my own sentence');
  await page.reload(); // at once: the change may not be in the address yet
  await expect(inputText(page)).toHaveValue('my own sentence');
  await expect(slider(page)).toHaveAttribute('aria-valuemax', '15');
  await hashHas(page, ['v=1', 'text=my%20own%20sentence']);
  await page.goto('./'); // no hash: the last scene comes back from localStorage
  await expect(inputText(page)).toHaveValue('my own sentence');
});

test('pasting another link into the same tab applies it', async ({ page }) => {
  await page.goto('./#v=1&text=first');
  await expect(inputText(page)).toHaveValue('first');
  await page.evaluate(() => {
    location.hash = 'v=1&text=second&A.cell=rnn';
  });
  await expect(inputText(page)).toHaveValue('second');
  await expect(cellType(page)).toHaveValue('rnn');
});
