import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

// A student's own model file, opened in the page: read in the worker, run in pane A, its
// read-out shown, kept across a reload; a broken file says why and leaves the scene as it was.

/** The real public model files, tested in place (never copied into the repository). */
const REAL = resolve(process.cwd(), '../shared/real-models');
/** A torch 1.13 checkpoint: a 2-layer LSTM 84→256 on one-hot characters, its `chars` and a head. */
const CHECKPOINT = `${REAL}/files/pt_ckpt_lstm2.pt`;
const TRUNCATED = `${REAL}/broken/truncated.pth`;

const controls = (page: Page) => page.getByRole('region', { name: 'Controls' });
const diagram = (page: Page) => page.getByRole('region', { name: 'Cell diagram' });
const status = (page: Page) => controls(page).locator('.model-file .field-message');

test('a PyTorch checkpoint loads into pane A, steps with its read-out, and survives a reload', async ({
  page,
}) => {
  await page.goto('./#v=1');
  await expect(diagram(page).getByRole('img', { name: /cell diagram, step 1/ })).toBeVisible();
  await controls(page).getByLabel('Load model file').setInputFiles(CHECKPOINT);
  await expect(status(page)).toContainText('Loaded pt_ckpt_lstm2.pt', { timeout: 30_000 });
  // The file decides the model: 256 units, 2 layers; the text is read through its vocabulary.
  await expect(diagram(page).getByText(/step 1 of 11 · unit 1 of 256/)).toBeVisible();
  const note = controls(page).locator('.imported-note');
  await expect(note).toContainText('pt_ckpt_lstm2.pt · lstm · PyTorch checkpoint');
  await expect(note).toContainText('LSTM, 84 input features, 2 layers × 256 units');
  await expect(controls(page).getByLabel('Weights')).toHaveValue(/^import:imp-/);
  const readout = page.getByRole('region', { name: 'Read-out of model A' });
  await expect(readout).toContainText('the head from pt_ckpt_lstm2.pt');
  await expect(readout.getByRole('meter').first()).toBeVisible();
  // No task scores an imported head: no verdict line.
  await expect(readout).not.toContainText('scored');
  await page.keyboard.press('ArrowRight');
  await expect(diagram(page).getByText(/step 2 of 11 · unit 1 of 256/)).toBeVisible();
  await expect(readout).toContainText('at step 2');

  // The link names the model; this browser keeps it, so a reload shows the same scene.
  await expect.poll(() => page.url()).toContain('A.import=imp-');
  await page.reload();
  await expect(diagram(page).getByText(/step 2 of 11 · unit 1 of 256/)).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('region', { name: 'Read-out of model A' })).toContainText(
    'the head from pt_ckpt_lstm2.pt',
  );
});

test('a truncated file is refused by name, the scene kept; a .keras, an .onnx and a TF.js model.json with its shards each load and step', async ({
  page,
}) => {
  await page.goto('./#v=1');
  const load = controls(page).getByLabel('Load model file');
  const before = diagram(page).getByText(/step 1 of 11 · unit 1 of 8/);
  await expect(before).toBeVisible();
  await load.setInputFiles(TRUNCATED);
  const alert = controls(page).getByRole('alert');
  await expect(alert).toContainText('Nothing was loaded. truncated.pth', { timeout: 30_000 });
  await expect(alert).toContainText(/truncated|central directory/i);
  await expect(before).toBeVisible();
  await expect(controls(page).getByLabel('Weights')).toHaveValue('');

  const cases = [
    {
      files: ['tests/fixtures/models/keras3_simplernn_relu.keras'],
      loaded: 'Loaded keras3_simplernn_relu.keras',
      cell: 'RNN',
    },
    { files: [`${REAL}/files/onnx_lstm2.onnx`], loaded: 'Loaded onnx_lstm2.onnx', cell: 'LSTM' },
    {
      files: ['model.json', 'group1-shard1of1', 'group2-shard1of1'].map(
        (f) => `${REAL}/files/tfjs_lstm_hardsig/${f}`,
      ),
      loaded: 'Loaded model.json',
      cell: 'LSTM',
    },
  ];
  for (const { files, loaded, cell } of cases) {
    await load.setInputFiles(files);
    await expect(status(page)).toContainText(loaded, { timeout: 30_000 });
    const figure = diagram(page).getByRole('img', { name: `${cell} cell diagram, step 1` });
    await expect(figure).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(
      diagram(page).getByRole('img', { name: `${cell} cell diagram, step 2` }),
    ).toBeVisible();
    await page.keyboard.press('Home');
  }
  // Every stack found is a choice under Weights, by file and layer name.
  const weights = controls(page).getByLabel('Weights');
  await expect(weights.locator('optgroup[label="Imported models"] option')).toHaveText([
    /keras3_simplernn_relu\.keras — /,
    /onnx_lstm2\.onnx — /,
    /onnx_lstm2\.onnx — /,
    /model\.json — lstm_2/,
  ]);
  // The TF.js model uses Keras 2's hard sigmoid: the note says so.
  await expect(controls(page).locator('.imported-note')).toContainText(/hard.sigmoid/i);
});

test('Copy link carries a small imported model’s weights: a browser without it opens the same model', async ({
  page,
  context,
  browser,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./#v=1');
  await controls(page)
    .getByLabel('Load model file')
    .setInputFiles('tests/fixtures/models/keras3_simplernn_relu.keras');
  await expect(status(page)).toContainText('Loaded keras3_simplernn_relu.keras', {
    timeout: 30_000,
  });
  await page.keyboard.press('End');
  const values = diagram(page).getByRole('list', { name: 'Values at this step' });
  const shown = (await values.textContent()) ?? '';
  expect(shown).toMatch(/pre-activation a [−-]?\d/);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('group', { name: 'Share' }).getByRole('status')).toContainText(
    'with the weights of model A in it',
  );
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/A\.import=imp-[a-z0-9]+&.*A\.iw=/);

  // A new context has no IndexedDB of its own: the weights come from the link alone.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(diagram(other).getByRole('list', { name: 'Values at this step' })).toHaveText(
    shown,
    { timeout: 30_000 },
  );
  await expect(other.getByRole('status', { name: /could not/ })).toHaveCount(0);
  // The address keeps the scene, not the weights (they live in this browser now).
  await expect.poll(() => other.url()).not.toContain('A.iw=');
  await fresh.close();
});
