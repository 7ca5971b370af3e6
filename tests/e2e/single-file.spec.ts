import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import {
  test as served,
  expect,
  forgetInjectedFault,
  type PageWatch,
  keepPicture,
} from './fixtures';

/**
 * The one-file Gatescope (`npm run build:single`; `npm test` builds it before the browser
 * tests) opened straight from disk, as a teacher would in a lecture hall with no network:
 * every request that is not the file itself or a data:/blob: URL is aborted and fails the
 * test, like any console error or warning.
 */
const FILE = resolve('dist-single/gatescope.html');

/** Schemes the page may load from: itself, and what it makes from its own bytes. */
const LOCAL = /^(file|data|blob):/;

const test = served.extend<{ watch: PageWatch }>({
  // Replaces the served pages' watch (still automatic): the page is a file, not a server.
  watch: async ({ page }, provide) => {
    const watch: PageWatch = { problems: [], foreignRequests: [] };
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        watch.problems.push(`${message.type()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => watch.problems.push(`pageerror: ${error.message}`));
    await page.route('**', (route) => {
      const url = route.request().url();
      if (LOCAL.test(url)) return route.continue();
      watch.foreignRequests.push(url);
      return route.abort('internetdisconnected');
    });
    await provide(watch);
    expect(watch.problems, 'console errors or warnings').toEqual([]);
    expect(watch.foreignRequests, 'requests to the network').toEqual([]);
  },
});

// A page of its own per test: one test adds an init script, and pages opened from disk have
// an origin (file://) the shared page's emptying does not reach.
test.use({ freshPage: true });

/** Opens the single file from disk; fails, saying how to make it, when it was not built. */
async function openFromDisk(page: Page): Promise<void> {
  expect(existsSync(FILE), `${FILE} is missing: run npm run build:single`).toBe(true);
  await page.goto(pathToFileURL(FILE).href);
  await expect(page.getByRole('heading', { level: 1, name: 'Gatescope' })).toBeVisible();
}

test('the single file opened from disk walks a lesson, steps a model, shows the equations and loads a trained model, with no network', async ({
  page,
}) => {
  await openFromDisk(page);
  // The opening lesson's trained model comes from the page's own table: its numbers fill in.
  const notes = page.getByRole('region', { name: 'Lesson notes' });
  await expect(notes).toContainText('Stop 1 of');
  await expect(notes.locator('.lesson-caption')).not.toContainText('…');

  // A lesson from the menu, walked one stop on.
  await page.getByRole('combobox', { name: 'Lesson' }).selectOption('why-rnns-forget');
  const caption = notes.locator('.lesson-caption');
  await expect(caption).toHaveAttribute('data-stop', '1');
  await expect(caption).not.toContainText('…');
  const first = await caption.textContent();
  await notes.getByRole('button', { name: 'Next' }).click();
  await expect(caption).toHaveAttribute('data-stop', '2');
  await expect(caption).not.toContainText('…');
  await expect(caption).not.toHaveText(first ?? '');
  await expect(page.getByRole('alert')).toHaveCount(0);

  // One pane, then a shipped trained model from the Weights menu, read from the page.
  await page.evaluate(() => (window.location.hash = '#v=1&panes=A'));
  await expect(notes).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Weights' }).selectOption('parity-20-gru');
  await expect(page.getByRole('region', { name: 'Read-out of model A' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  // Stepped: the diagram follows.
  await page.getByRole('button', { name: 'Restart' }).click();
  await expect(page.getByRole('img', { name: 'GRU cell diagram, step 1' })).toBeVisible();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.getByRole('img', { name: 'GRU cell diagram, step 3' })).toBeVisible();

  // The equations, typeset by KaTeX in its own fonts (inlined: nothing else could load them).
  const equations = page.getByRole('region', { name: 'Equations' });
  await expect(equations.locator('.katex').first()).toBeVisible();
  await expect(equations).toContainText('step 3');
  await expect
    .poll(() =>
      page.evaluate(() => {
        let loaded = false;
        document.fonts.forEach((f) => {
          loaded ||= f.family === 'KaTeX_Main' && f.status === 'loaded';
        });
        return loaded;
      }),
    )
    .toBe(true);
  // The app's worker runs, started from the page's own script: its handler is in place.
  await expect.poll(() => page.workers().map((w) => w.url().slice(0, 5))).toContain('blob:');
  const worker = page.workers().find((w) => w.url().startsWith('blob:'))!;
  expect(await worker.evaluate(() => typeof self.onmessage)).toBe('function');
  await keepPicture(page, 'single-file', { fullPage: true });
});

test('the single file still works where the browser refuses IndexedDB to pages opened from disk', async ({
  page,
  watch,
}) => {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('access to IndexedDB is denied from file://', 'SecurityError');
    };
  });
  await openFromDisk(page);
  const notes = page.getByRole('region', { name: 'Lesson notes' });
  await expect(notes.locator('.lesson-caption')).not.toContainText('…');
  await page.getByRole('button', { name: 'Restart' }).click();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.getByRole('img', { name: 'LSTM cell diagram, step 2' })).toBeVisible();
  // The store of imported models says, once, that it could not be read; nothing else.
  forgetInjectedFault(
    watch,
    /^warning: Imported models kept in this browser could not be read: SecurityError/,
  );
});

test('the single file reads a model file of one’s own with the readers inlined in its worker', async ({
  page,
}) => {
  await openFromDisk(page);
  const controls = page.getByRole('region', { name: 'Controls' });
  // A Keras HDF5 file: read by jsfive, which the worker loads on demand.
  await controls
    .getByLabel('Load model file')
    .setInputFiles(resolve('tests/fixtures/models/keras2_gru_resetbefore_hardsig.h5'));
  await expect(controls.locator('.model-file .field-message')).toContainText(
    'Loaded keras2_gru_resetbefore_hardsig.h5',
    { timeout: 30_000 },
  );
  await expect(controls.getByLabel('Weights')).toHaveValue(/^import:imp-/);
  await expect(page.getByRole('img', { name: /^GRU cell diagram, step \d+$/ })).toBeVisible();
});
