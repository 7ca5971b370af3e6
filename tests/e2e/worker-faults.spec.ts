import type { Page } from '@playwright/test';
import { test, expect, forgetInjectedFault } from './fixtures';

// The app's one worker, made to fail three ways by serving its script differently. Each
// time the page must end up showing numbers (computed on the page instead) or a message,
// never "computing…" for good, and never an uncaught error.

/** The built worker script, whatever its hash. */
const WORKER_SCRIPT = /\/assets\/gradientWorker-[^/]*\.js$/;

/** An LSTM of 64 units and 3 layers on 2000 steps: far too large for the page alone. */
const LARGE = '#v=1&panes=A&A.cell=lstm&A.hidden=64&A.layers=3&in=noise&len=2000';

const gradients = (page: Page) => page.getByRole('region', { name: 'Gradients through time' });
const diagram = (page: Page) => page.getByRole('region', { name: 'Cell diagram' });

/** Serves `body` as the worker script, with `status`. */
async function serveWorker(page: Page, status: number, body: string): Promise<void> {
  await page.route(WORKER_SCRIPT, (route) =>
    route.fulfill({ status, contentType: 'text/javascript', body }),
  );
}

/**
 * The opening scene (a trained LSTM) with the worker failing: its file is still read, and
 * its gradients are computed on the page: the plot, a caption per pane, and nothing busy.
 */
async function expectGradientsWithoutWorker(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.getByRole('img', { name: 'LSTM cell diagram, step 1' })).toBeVisible();
  const panel = gradients(page).locator('.gradients');
  await expect(panel.getByRole('img', { name: 'Vanishing-gradient plot' })).toBeVisible();
  await expect(panel).toHaveAttribute('aria-busy', 'false');
  await expect(panel.locator('.gradient-captions')).toContainText(/steps back/);
  await expect(panel).not.toContainText('computing');
}

test('a worker script answering 404: computed on the page, and a large scene says why not', async ({
  page,
  watch,
}) => {
  await serveWorker(page, 404, 'not found');
  await expectGradientsWithoutWorker(page);

  // Too large for the page: the diagram and the gradient panel say so instead of waiting.
  await page.evaluate((hash) => (window.location.hash = hash), LARGE);
  const message = /background worker could not compute this \(its script could not be loaded\)/;
  await expect(diagram(page).getByRole('alert')).toContainText(message);
  await expect(diagram(page).getByRole('alert')).toContainText('too large to compute on the page');
  await expect(gradients(page).locator('.gradients')).toHaveAttribute('aria-busy', 'false');
  await expect(gradients(page)).not.toContainText('computing gradients');
  forgetInjectedFault(watch, /status of 404/);
});

test('a worker answering every job with an error: the page computes the answers', async ({
  page,
}) => {
  await serveWorker(
    page,
    200,
    "self.onmessage = (e) => self.postMessage({ id: e.data.id, error: 'injected fault' });",
  );
  await expectGradientsWithoutWorker(page);
  // The compare table's timing and norm arrive too (measured on the page).
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const summary = page.locator('.compare-summary');
  await expect(summary).toHaveAttribute('aria-busy', 'false');
  await expect(summary).not.toContainText('measuring');
  await expect(summary.getByRole('alert')).toHaveCount(0);
});

test('a worker script that throws while loading: no page error, computed on the page', async ({
  page,
  watch,
}) => {
  await serveWorker(page, 200, "throw new Error('injected load fault');");
  await expectGradientsWithoutWorker(page);
  // Nothing escaped as an uncaught page error; the worker's own console line is the fault.
  expect(watch.problems.filter((line) => line.startsWith('pageerror'))).toEqual([]);
  forgetInjectedFault(watch, /^(error|warning): .*injected load fault/);
});
