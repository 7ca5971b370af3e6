import { readFileSync } from 'node:fs';
import type { Page, Route } from '@playwright/test';
import { test, expect, forgetInjectedFault } from './fixtures';

// A trained model's file served wrong in every way a server or a network can: the pane
// says which model could not be loaded and why, in words, and offers a retry where one
// can help; a file that loads but is wrong is refused by name.

const ID = 'remember-first-50-lstm';
const TRAINED = `#v=1&panes=A&A.cell=lstm&A.hidden=8&A.model=${ID}&in=task&task=remember-first&len=50&nseed=2`;
const MODEL_URL = new RegExp(`/models/${ID}\\.json$`);

/** A shipped model file, parsed. */
type FileJson = {
  id: string;
  params: Record<string, number[][] | number[]>;
  [key: string]: unknown;
};
const shipped = (id: string) =>
  JSON.parse(readFileSync(`public/models/${id}.json`, 'utf8')) as FileJson;

/** Answers requests for the model's file with `handle`. */
const serveModel = (page: Page, handle: (route: Route) => Promise<void> | void) =>
  page.route(MODEL_URL, handle);

const json = (body: string) => ({ status: 200, contentType: 'application/json', body });

/** The pane's message: "Could not load the trained model “…”: …". */
const failure = (page: Page) =>
  page.getByRole('region', { name: 'Cell diagram' }).getByRole('alert');

async function expectFailure(page: Page, reason: string | RegExp): Promise<void> {
  await page.goto(`./${TRAINED}`);
  await expect(failure(page)).toContainText(`Could not load the trained model “${ID}”`);
  await expect(failure(page)).toContainText(reason);
}

/**
 * Files that arrive whole but are not the model: each case opens the page afresh with the
 * model's URL answered its way (one page for all, to keep the suite quick).
 */
const WRONG_FILES: {
  name: string;
  answer: () => Parameters<Route['fulfill']>[0];
  reason: RegExp;
}[] = [
  {
    name: 'the web page (a missing file on a single-page server)',
    answer: () => ({
      status: 200,
      contentType: 'text/html',
      body: readFileSync('dist/index.html', 'utf8'),
    }),
    reason: /not found \(the server answered with a web page/,
  },
  { name: 'an empty body', answer: () => json(''), reason: /not a model file \(it is empty\)\./ },
  {
    name: 'another model',
    answer: () => json(readFileSync('public/models/remember-first-5-lstm.json', 'utf8')),
    reason:
      /this file is model "remember-first-5-lstm", not the "remember-first-50-lstm" that was asked for/,
  },
  {
    name: 'a weight beyond float64',
    answer: () =>
      json(
        JSON.stringify(shipped(ID)).replace(
          /("weight_hh_l0":\[\[)[-0-9.e]+/,
          (_, head: string) => `${head}1e999`,
        ),
      ),
    reason: /weight_hh_l0.*finite|finite.*weight_hh_l0/,
  },
];

test('a file that is not the model is refused in words: a web page, empty, another id, a weight past float64', async ({
  page,
}) => {
  for (const { name, answer, reason } of WRONG_FILES) {
    await page.unrouteAll();
    await serveModel(page, (route) => route.fulfill(answer()));
    await page.goto('about:blank');
    await expectFailure(page, reason);
    await expect(failure(page), name).not.toContainText('Unexpected token');
  }
});

test('an aborted request: a network error, and Retry loads the model', async ({ page, watch }) => {
  let fail = true;
  await serveModel(page, (route) => (fail ? route.abort('failed') : route.fallback()));
  await expectFailure(page, 'a network error');
  fail = false;
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('img', { name: 'LSTM cell diagram, step 1' })).toBeVisible();
  await expect(failure(page)).toHaveCount(0);
  forgetInjectedFault(watch, /net::ERR_FAILED/);
});

test.describe(() => {
  // page.clock adds an init script to the context, which only a new context is rid of.
  test.use({ freshPage: true });
  test('a response that never comes: a timeout message and a Retry button', async ({ page }) => {
    // The page's clock runs on its own but can be moved ahead: 30 s pass in an instant.
    await page.clock.install();
    await serveModel(page, () => undefined); // never answered
    await page.goto(`./${TRAINED}`);
    const diagram = page.getByRole('region', { name: 'Cell diagram' });
    await expect(diagram.getByRole('status')).toContainText('Loading the trained model…');
    await page.clock.fastForward(31_000);
    await expect(failure(page)).toContainText(`Could not load the trained model “${ID}”`);
    await expect(failure(page)).toContainText('no answer within 30 s');
    await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
  });
});

test('a head of weights 1e308: the read-out says it overflows, never "NaN%"', async ({ page }) => {
  const file = shipped(ID);
  const weight = file.params['head.weight'] as number[][];
  file.params['head.weight'] = weight.map((row) => row.map(() => 1e308));
  await serveModel(page, (route) => route.fulfill(json(JSON.stringify(file))));
  await page.goto(`./${TRAINED}`);
  const readout = page.getByRole('region', { name: 'Read-out of model A' });
  await expect(readout.getByRole('alert')).toContainText('The read-out cannot be shown');
  await expect(readout.getByRole('alert')).toContainText('beyond float64');
  // The cell itself ran: its diagram is there.
  await expect(page.getByRole('img', { name: 'LSTM cell diagram, step 1' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText('NaN');
});
