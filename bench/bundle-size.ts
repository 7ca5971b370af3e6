import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzipped JavaScript allowed before first paint, in kB (1000 bytes). */
export const FIRST_PAINT_JS_BUDGET_KB = 150;

/** Raw and gzipped size of one built file, in bytes. */
export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

/** One chunk of Vite's build manifest (`build.manifest: true`), the fields read here. */
interface ManifestChunk {
  file: string;
  name?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/** Size of a file under the build folder, raw and gzipped (level 9, as a server would). */
function sizeOf(distDir: string, file: string): FileSize {
  const bytes = readFileSync(join(distDir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/**
 * What index.html loads before first paint, read from the build's manifest
 * (`.vite/manifest.json`): the entry chunk and, transitively, the chunks it imports
 * statically (what Vite writes as `<link rel="modulepreload">`), with their stylesheets.
 * A chunk reached only through `import()` is not counted.
 */
export function firstPaintLoad(distDir: string): { js: FileSize[]; css: FileSize[] } {
  const manifest = JSON.parse(
    readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>;
  const entry = manifest['index.html'];
  if (!entry) throw new Error(`${distDir}/.vite/manifest.json has no index.html entry.`);
  const js = new Set<string>();
  const css = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const chunk = queue.pop() as ManifestChunk;
    if (js.has(chunk.file)) continue;
    js.add(chunk.file);
    for (const sheet of chunk.css ?? []) css.add(sheet);
    for (const key of chunk.imports ?? []) {
      const dep = manifest[key];
      if (dep) queue.push(dep);
    }
  }
  return {
    js: [...js].map((f) => sizeOf(distDir, f)),
    css: [...css].map((f) => sizeOf(distDir, f)),
  };
}

/** The scripts index.html itself names (module script, modulepreloads): a cross-check. */
function htmlScripts(distDir: string): Set<string> {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const refs = (pattern: RegExp) =>
    [...html.matchAll(pattern)].map((m) => (m[1] ?? '').replace(/^\.?\//, ''));
  return new Set([
    ...refs(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...refs(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ]);
}

/** Every .js file under the build's assets folder with its size. */
function allScripts(distDir: string): FileSize[] {
  const dir = join(distDir, 'assets');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js') && statSync(join(dir, f)).isFile())
    .map((f) => sizeOf(distDir, join('assets', f)));
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const total = (files: FileSize[], key: 'raw' | 'gzip') => files.reduce((s, f) => s + f[key], 0);

/**
 * Prints the production build's first-paint size table, the budget verdict, and whether
 * the bench-only debug hook leaked into the production bundle.
 */
export function reportBundleSize(distDir: string): { firstPaintJsGzipKb: number } {
  const { js, css } = firstPaintLoad(distDir);
  const initial = new Set(js.map((f) => f.file));
  const scripts = allScripts(distDir);
  const lazy = scripts.filter((f) => !initial.has(f.file));
  console.log('\n## Bundle size (production build, what index.html loads before first paint)\n');
  console.log('| what | files | raw kB | gzip kB |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const f of [...js].sort((a, b) => b.gzip - a.gzip)) {
    console.log(`| first paint: ${f.file} | 1 | ${kb(f.raw)} | ${kb(f.gzip)} |`);
  }
  console.log(
    `| **first-paint JavaScript** | ${js.length} | ${kb(total(js, 'raw'))} | **${kb(total(js, 'gzip'))}** |`,
  );
  console.log(
    `| first-paint CSS | ${css.length} | ${kb(total(css, 'raw'))} | ${kb(total(css, 'gzip'))} |`,
  );
  console.log(
    `| JavaScript loaded later (import(), worker) | ${lazy.length} | ${kb(total(lazy, 'raw'))} | ${kb(total(lazy, 'gzip'))} |`,
  );
  const firstPaintJsGzipKb = total(js, 'gzip') / 1000;
  const verdict = firstPaintJsGzipKb <= FIRST_PAINT_JS_BUDGET_KB ? 'within' : 'OVER';
  console.log(
    `\nFirst-paint JavaScript: ${firstPaintJsGzipKb.toFixed(1)} kB gzipped, ${verdict} the ${FIRST_PAINT_JS_BUDGET_KB} kB budget.`,
  );
  const named = htmlScripts(distDir);
  const missing = [...named].filter((f) => !initial.has(f));
  if (missing.length > 0) {
    console.log(`index.html also loads ${missing.join(', ')}, which the manifest walk missed.`);
  }
  const leaks = scripts.filter((f) =>
    readFileSync(join(distDir, f.file), 'utf8').includes('__gatescope'),
  );
  console.log(
    leaks.length === 0
      ? 'Debug hook (`window.__gatescope`): absent from the production build, as it should be.'
      : `Debug hook (\`window.__gatescope\`): LEAKED into the production build (${leaks.map((f) => f.file).join(', ')}).`,
  );
  return { firstPaintJsGzipKb };
}
