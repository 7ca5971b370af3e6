import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test, expect } from '@playwright/test';
import { FIRST_PAINT_JS_BUDGET_KB, firstPaintLoad } from '../../bench/bundle-size';
import { LESSONS } from '../../src/lessons/lessons';

// Reads the production build that `npm test` makes before the browser tests: a size, never a
// time, so it holds on any machine.
const dist = resolve('dist');

test('the JavaScript loaded before the first diagram stays within its gzipped budget', () => {
  const { js } = firstPaintLoad(dist);
  const gzipKb = js.reduce((sum, f) => sum + f.gzip, 0) / 1000;
  const files = js.map((f) => `${f.file} ${(f.gzip / 1000).toFixed(1)} kB`).join(', ');
  expect(gzipKb, `first-paint JavaScript: ${files}`).toBeLessThanOrEqual(FIRST_PAINT_JS_BUDGET_KB);
});

test('KaTeX, the equations, exports, gradients, comparison and lesson captions load after first paint', () => {
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
  // KaTeX's own error text marks its code, wherever a bundler puts it; the lessons' captions
  // (their words, most of their text) load with the lesson notes.
  const captions = LESSONS.flatMap((lesson) => lesson.stops.map((stop) => stop.caption));
  expect(captions.length).toBeGreaterThan(30);
  for (const file of firstPaint) {
    const code = readFileSync(resolve(dist, file), 'utf8');
    expect(code, file).not.toContain('KaTeX parse error');
    for (const caption of captions) expect(code, file).not.toContain(caption.slice(0, 60));
  }
  const later = Object.values(manifest).map((chunk) =>
    readFileSync(resolve(dist, chunk.file), 'utf8'),
  );
  for (const caption of captions) {
    expect(later.some((code) => code.includes(caption.slice(0, 60)))).toBe(true);
  }
});
