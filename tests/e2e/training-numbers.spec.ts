import { test, expect } from './fixtures';

// Training on one's own numbers: a pasted table whose column "later" is column "x" two rows
// back. Chosen as the target, an LSTM learns it from the first rows until its accuracy on
// the held-out last rows passes the target; the model is then listed under Weights and the
// pane steps through the pasted rows with its read-out.

test.use({ viewport: { width: 1280, height: 900 } });

/** 60 rows "x,later": x from a fixed LCG, later = x two rows back (0 before). */
function delayedTable(): string {
  let s = 12345;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.round(((s / 2147483648) * 2 - 1) * 1000) / 1000;
  };
  const x = Array.from({ length: 60 }, next);
  return ['x,later', ...x.map((v, t) => `${v},${x[t - 2] ?? 0}`)].join('\n');
}

test('an LSTM learns a pasted column from the others’ past and runs on the pasted rows', async ({
  page,
}) => {
  await page.goto(`./#v=1&in=numbers&nums=${encodeURIComponent(delayedTable())}`);
  const diagram = page.getByRole('region', { name: 'Cell diagram' });
  await expect(diagram.getByText(/step 1 of 60 · unit 1 of 8/)).toBeVisible();
  const training = page.getByRole('region', { name: 'Train here' });
  await training.getByLabel('Task').selectOption('numbers');
  const targets = training.getByRole('group', { name: /^Target columns/ });
  await expect(targets.getByRole('checkbox', { name: 'later' })).toBeChecked();
  await expect(targets.getByRole('checkbox', { name: 'x' })).not.toBeChecked();
  await training.getByLabel('Steps per sequence').fill('10');
  await training.getByLabel('Learning rate').fill('0.03');
  await training.getByLabel('Target accuracy (%)').fill('90');
  await expect(training.getByText(/The model reads x and predicts later/)).toBeVisible();

  await training.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(training.getByRole('alert')).toContainText(
    /Reached 90% held-out accuracy at step \d+\./,
    { timeout: 20_000 },
  );
  const weights = page.getByRole('region', { name: 'Controls' }).getByLabel('Weights');
  await expect(weights).toHaveValue(/^numbers-10-lstm-here-/);
  await expect(weights.locator('option:checked')).toContainText('your numbers, T = 10');
  await expect(training.getByRole('button', { name: 'Save model file' })).toBeVisible();

  // The pane runs the trained model on the pasted rows: x_t is the row's x, the read-out scored.
  await expect(diagram.getByText(/step 1 of 60/)).toBeVisible();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(diagram.getByText(/step 3 of 60/)).toBeVisible();
  await expect(diagram.locator('[data-port^="x_{t}"]').first()).toHaveAttribute(
    'data-port',
    `x_{t} = ${delayedTable().split('\n')[3]!.split(',')[0]}`,
  );
  // Step 3 is scored (two unscored first steps): the prediction of "later", standardised.
  await expect(page.getByRole('region', { name: 'Read-out of model A' })).toContainText(
    /later \(z\) predicted −?[\d.]+ · target −?[\d.]+ · tolerance ±0\.25/,
  );
});
