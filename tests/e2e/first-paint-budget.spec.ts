import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test, expect } from '@playwright/test';
import { FIRST_PAINT_JS_BUDGET_KB, firstPaintLoad } from '../../bench/bundle-size';

// Reads the production build that `npm test` makes before the browser tests: a size, never a
// time, so it holds on any machine.
const dist = resolve('dist');

test('the JavaScript loaded before the first diagram stays within its gzipped budget', () => {
  const { js } = firstPaintLoad(dist);
  const gzipKb = js.reduce((sum, f) => sum + f.gzip, 0) / 1000;
  const files = js.map((f) => `${f.file} ${(f.gzip / 1000).toFixed(1)} kB`).join(', ');
  expect(gzipKb, `first-paint JavaScript: ${files}`).toBeLessThanOrEqual(FIRST_PAINT_JS_BUDGET_KB);
});

test('KaTeX, the equations, exports, gradients and comparison load after first paint', () => {
  const firstPaint = firstPaintLoad(dist).js.map((f) => f.file);
  const manifest = JSON.parse(readFileSync(resolve(dist, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    { file: string; isDynamicEntry?: boolean }
  >;
  for (const source of [
    'src/views/equations/EquationsPanel.tsx',
    'src/views/exports/ExportMenu.tsx',
    'src/views/gradients/GradientPanel.tsx',
    'src/views/compare/CompareSummary.tsx',
  ]) {
    const chunk = manifest[source];
    expect(chunk?.isDynamicEntry, `${source} is loaded with import()`).toBe(true);
    expect(firstPaint).not.toContain(chunk?.file);
  }
  // KaTeX's own error text marks its code, wherever a bundler puts it.
  for (const file of firstPaint) {
    expect(readFileSync(resolve(dist, file), 'utf8'), file).not.toContain('KaTeX parse error');
  }
});
