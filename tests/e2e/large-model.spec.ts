import type { Page } from '@playwright/test';
import { test, expect, keepPicture } from './fixtures';

// A model as big as real ones (issue #14): an LSTM of 256 units, written here as a
// .safetensors file of random weights, loaded, stepped; the heatmaps scroll, and the
// heatmap, the diagram and the equations show the same value of unit 200.

const H = 256;
const I = 3;

/** A safetensors file of a PyTorch `nn.LSTM(3, 256)` state dict, seeded random float32 weights. */
function lstmSafetensors(): Buffer {
  let seed = 12345;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const bound = 1 / Math.sqrt(H);
  const tensors: [string, number[]][] = [
    ['lstm.weight_ih_l0', [4 * H, I]],
    ['lstm.weight_hh_l0', [4 * H, H]],
    ['lstm.bias_ih_l0', [4 * H]],
    ['lstm.bias_hh_l0', [4 * H]],
  ];
  const header: Record<string, unknown> = {};
  const parts: Buffer[] = [];
  let offset = 0;
  for (const [name, shape] of tensors) {
    const n = shape.reduce((a, b) => a * b, 1);
    const data = Float32Array.from({ length: n }, () => (2 * random() - 1) * bound);
    header[name] = { dtype: 'F32', shape, data_offsets: [offset, offset + 4 * n] };
    parts.push(Buffer.from(data.buffer));
    offset += 4 * n;
  }
  const json = Buffer.from(JSON.stringify(header));
  const size = Buffer.alloc(8);
  size.writeBigUInt64LE(BigInt(json.length));
  return Buffer.concat([size, json, ...parts]);
}

const controls = (page: Page) => page.getByRole('region', { name: 'Controls' });
const diagram = (page: Page) => page.getByRole('region', { name: 'Cell diagram' });

test('an imported LSTM of 256 units steps; heatmaps scroll to the unit picked in the equations, and every view shows its value', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto('./#v=1&in=noise&len=200');
  await controls(page).getByLabel('Load model file').setInputFiles({
    name: 'big.safetensors',
    mimeType: 'application/octet-stream',
    buffer: lstmSafetensors(),
  });
  await expect(diagram(page).getByText(/step 1 of 200 · unit 1 of 256/)).toBeVisible({
    timeout: 30_000,
  });
  await expect(diagram(page).getByText(/Each box: how its 256 units spread/)).toBeVisible();
  for (let k = 0; k < 5; k++) await page.keyboard.press('ArrowRight');
  await expect(diagram(page).getByText(/step 6 of 200 · unit 1 of 256/)).toBeVisible();

  // The equations' Unit field picks unit 200; the heatmaps scroll to show its row.
  const equations = page.getByRole('region', { name: 'Equations' });
  await equations.getByRole('spinbutton', { name: 'Unit' }).fill('200');
  await expect(diagram(page).getByText(/step 6 of 200 · unit 200 of 256/)).toBeVisible();
  const fWindow = page.getByRole('group', { name: /^Heatmap of f \(forget gate\): 256 units/ });
  await expect.poll(() => fWindow.evaluate((el) => el.scrollTop)).toBeGreaterThan(500);

  // The equation's result for f_6[200], the diagram's chip and the heatmap's tooltip agree.
  const result = Number(
    await equations
      .locator('[data-equation="f"] [data-role="result"]')
      .first()
      .getAttribute('data-value'),
  );
  expect(result).toBeGreaterThan(0);
  expect(result).toBeLessThan(1);
  const chip = await diagram(page).locator('[data-chip="f"] .cd-chip-value').textContent();
  expect(Number(chip)).toBeCloseTo(result, 2);
  const plot = page
    .getByRole('img', { name: 'Heatmap of f (forget gate)' })
    .locator('.heatmap-plot');
  await fWindow.scrollIntoViewIfNeeded(); // the page, not the heatmap's own scrolling
  const box = (await plot.boundingBox())!;
  await page.mouse.move(box.x + (5.5 / 200) * box.width, box.y + 199.5 * (box.height / H));
  const tip = page.locator('.heatmap-tooltip');
  await expect(tip).toContainText('unit 200');
  await expect(tip).toContainText('step 6');
  const shown = Number((await tip.locator('.heatmap-tooltip-value').textContent())!.trim());
  expect(shown).toBeCloseTo(result, 3);

  await page.mouse.move(0, 0);
  await keepPicture(page.getByRole('region', { name: 'Gate heatmaps' }), 'large-model-heatmaps');
  await keepPicture(diagram(page), 'large-model-diagram');
});
