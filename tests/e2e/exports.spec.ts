import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import {
  createModel,
  forward,
  initParams,
  jacobianNorms,
  type ModelSpec,
  type StateDict,
} from '../../src/engine';
import { test, expect } from './fixtures';

/** The default scene, computed here in Node: LSTM, 8 units, "hello world" one-hot. */
const TEXT = 'hello world';
const chars = Array.from(TEXT);
const alphabet = [...new Set(chars)].sort();
const xs = chars.map((ch) => alphabet.map((a) => (a === ch ? 1 : 0)));
const spec: ModelSpec = { cell: 'lstm', inputSize: alphabet.length, hiddenSize: 8, numLayers: 1 };
const weights = initParams(spec, { seed: 0, scheme: 'pytorch', weightScale: 1, forgetBias: 0 });
const model = createModel(spec, weights);
const trace = forward(model, xs);
const T = chars.length;
const H = 8;

/**
 * Asserts a number read from a CSV equals the one Node computed, to a relative 1e-12.
 * Browsers' `Math.exp` and `Math.tanh` may differ from Node's in the last bit (2⁻⁵² ≈ 2.2e-16
 * relative); over the T = 11 contracting steps of this scene such differences stay below
 * 1e-14, while a CSV that printed fewer than 13 significant digits would be off by more
 * than 1e-12 and fail.
 */
function expectSameNumber(read: number, computed: number): void {
  expect(Math.abs(read - computed)).toBeLessThanOrEqual(
    1e-12 * Math.max(1e-300, Math.abs(computed)),
  );
}

/** RFC 4180 CSV to rows of fields (quoted fields may hold commas, quotes, line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k]!;
    if (quoted) {
      if (ch === '"' && text[k + 1] === '"') [field, k] = [field + '"', k + 1];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') [row, field] = [[...row, field], ''];
    else if (ch === '\r' && text[k + 1] === '\n') {
      rows.push([...row, field]);
      [row, field, k] = [[], '', k + 1];
    } else field += ch;
  }
  return rows;
}

/** Clicks an export button and returns the downloaded file's name and bytes. */
async function save(
  page: Page,
  button: string,
  keepAs = '',
): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  const path = await download.path();
  const bytes = await readFile(path);
  const name = download.suggestedFilename();
  // Kept for a person to look at, like the other specs' screenshots.
  await mkdir('test-results/exports', { recursive: true });
  await writeFile(`test-results/exports/${keepAs}${name}`, bytes);
  return { name, bytes };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Checks a PNG: its signature, and its width (IHDR) twice the element's CSS width. */
async function expectPngOf(bytes: Buffer, element: Locator): Promise<void> {
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const cssWidth = await element.evaluate((el) => el.getBoundingClientRect().width);
  expect(Math.abs(width - 2 * cssWidth)).toBeLessThanOrEqual(1);
  expect(height).toBeGreaterThan(50);
  expect(bytes.length).toBeGreaterThan(2000);
}

/** Parses SVG text in the page's DOMParser: the root's name, or the parser's error. */
async function parseSvgInPage(page: Page, text: string): Promise<string> {
  return page.evaluate((markup) => {
    const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
    const error = doc.getElementsByTagName('parsererror')[0];
    return error ? `error: ${error.textContent}` : doc.documentElement.localName;
  }, text);
}

// One of each kind of picture; the diverging heatmap of c (its ±max |c| legend) is checked
// in tests/io/export/heatmapSvg.test.ts.
const TARGETS = [
  {
    option: 'Cell diagram',
    element: (page: Page) => page.getByRole('img', { name: 'LSTM cell diagram, step 3' }),
    file: 'gatescope-A-lstm-diagram-step3',
    text: 'forget gate',
  },
  {
    option: 'Heatmap of f (forget gate)',
    element: (page: Page) => page.getByRole('img', { name: 'Heatmap of f (forget gate)' }),
    file: 'gatescope-A-lstm-heatmap-f',
    text: 'forget gate',
  },
  {
    option: 'Vanishing-gradient plot',
    element: (page: Page) => page.getByRole('img', { name: 'Vanishing-gradient plot' }),
    file: 'gatescope-gradient-plot',
    text: 'steps back in time',
  },
];

test.beforeEach(async ({ page }) => {
  await page.goto('./#v=1');
  await expect(page.getByRole('img', { name: 'LSTM cell diagram, step 1' })).toBeVisible();
  // Step 3, so the files name the step and the cursor is not at the edge.
  await page.getByRole('slider', { name: 'Time step' }).fill('3');
  await expect(page.getByRole('img', { name: 'LSTM cell diagram, step 3' })).toBeVisible();
});

// One page for every picture and every file: each new page costs seconds in some browsers.
test('each picture exports as a PNG at 2× its width and a parseable SVG', async ({ page }) => {
  for (const target of TARGETS) {
    await test.step(target.option, async () => {
      await page.getByRole('combobox', { name: 'Export target' }).selectOption(target.option);
      const png = await save(page, 'Export PNG');
      expect(png.name).toBe(`${target.file}.png`);
      await expectPngOf(png.bytes, target.element(page));

      const svg = await save(page, 'Export SVG');
      expect(svg.name).toBe(`${target.file}.svg`);
      const text = svg.bytes.toString('utf8');
      expect(text).toContain('<svg');
      expect(text).toContain(target.text);
      expect(await parseSvgInPage(page, text)).toBe('svg');
      // Drawn at rest: no frame of the step's flow animation (faded values, pulses).
      expect(text).not.toMatch(/ opacity="0\.\d/);
      await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText(
        `Saved ${target.file}.svg.`,
      );
    });
  }
});

test('the data files hold the engine’s numbers: trace CSV, gradient CSV, weights JSON', async ({
  page,
}) => {
  await test.step('the trace CSV holds the engine’s trace to the last digits, T·L·H rows', async () => {
    const { name, bytes } = await save(page, 'Export CSV');
    expect(name).toBe('gatescope-A-lstm-trace.csv');
    const rows = parseCsv(bytes.toString('utf8'));
    const names = ['i', 'f', 'g', 'o', 'c', 'h'];
    expect(rows[0]).toEqual(['step', 'token', 'layer', 'unit', ...names]);
    expect(rows).toHaveLength(1 + T * 1 * H);
    for (let t = 0; t < T; t++) {
      for (let j = 0; j < H; j++) {
        const row = rows[1 + t * H + j]!;
        expect(row.slice(0, 4)).toEqual([String(t + 1), chars[t], '1', String(j + 1)]);
        names.forEach((q, k) =>
          expectSameNumber(Number(row[4 + k]), trace.layers[0]!.gates[q]![t]![j]!),
        );
      }
    }
  });
  await test.step('the gradient CSV holds ‖∂h_T/∂h_t‖ and the forget-gate product', async () => {
    const { name, bytes } = await save(page, 'Export gradient CSV');
    expect(name).toBe('gatescope-gradients.csv');
    const rows = parseCsv(bytes.toString('utf8'));
    expect(rows[0]).toEqual([
      'distance',
      'step_t',
      'A_lstm_layer1_norm_dhT_dht',
      'A_lstm_layer1_unit1_forget_product',
    ]);
    const norms = jacobianNorms(model, trace, 0);
    const f = trace.layers[0]!.gates.f!;
    let product = 1;
    for (let d = 0; d <= T; d++) {
      const row = rows[1 + d]!;
      expect(Number(row[0])).toBe(d);
      expect(Number(row[1])).toBe(T - d);
      if (d === 0) expect(row[2]).toBe('');
      else expectSameNumber(Number(row[2]), norms[T - d]!);
      if (d > 0) product *= f[T - d]![0]!;
      expectSameNumber(Number(row[3]), product);
    }
  });
  await test.step('the weights JSON is initParams’ state dict under PyTorch’s names', async () => {
    const { name, bytes } = await save(page, 'Export weights');
    expect(name).toBe('gatescope-A-lstm-weights.json');
    const parsed = JSON.parse(bytes.toString('utf8')) as StateDict;
    expect(Object.keys(parsed)).toEqual([
      'weight_ih_l0',
      'weight_hh_l0',
      'bias_ih_l0',
      'bias_hh_l0',
    ]);
    expect(parsed).toEqual(weights);
    expect(forward(createModel(spec, parsed), xs).outputs).toEqual(trace.outputs);
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  });
});

test('pictures exported in the dark theme keep its colours and background', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const panel = await page
    .getByRole('region', { name: 'Cell diagram' })
    .evaluate((el) => getComputedStyle(el).backgroundColor.replace(/\s/g, ''));
  expect(panel).toBe('rgb(17,26,46)');
  const select = page.getByRole('combobox', { name: 'Export target' });
  for (const option of ['Cell diagram', 'Heatmap of g (candidate)']) {
    await select.selectOption(option);
    await save(page, 'Export PNG', 'dark-');
    const { bytes } = await save(page, 'Export SVG', 'dark-');
    const background = await page.evaluate((markup) => {
      const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
      return doc.querySelector('svg > rect')?.getAttribute('fill')?.replace(/\s/g, '');
    }, bytes.toString('utf8'));
    expect(background === panel || background === '#111a2e').toBe(true);
  }
});
