import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzipped JavaScript allowed on the initial load, in kB (1000 bytes). */
export const INITIAL_JS_BUDGET_KB = 250;

/** Raw and gzipped size of one built file, in bytes. */
export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

/** Size of a file under `dist/`, raw and gzipped (level 9, as a server would). */
function sizeOf(distDir: string, file: string): FileSize {
  const bytes = readFileSync(join(distDir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/**
 * The files a browser loads before first paint: index.html's module script, its
 * modulepreloads and its stylesheets, followed through static `import` statements
 * between chunks (a lazily `import()`ed chunk is not counted).
 */
export function initialLoad(distDir: string): { js: FileSize[]; css: FileSize[] } {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const refs = (pattern: RegExp) =>
    [...html.matchAll(pattern)].map((m) => (m[1] ?? '').replace(/^\.?\//, ''));
  const js = new Set([
    ...refs(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...refs(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ]);
  const css = new Set(refs(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g));
  const queue = [...js];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    const code = readFileSync(join(distDir, file), 'utf8');
    // Static imports only: `import{a}from"./x.js"` or `import"./x.js"`, not `import("./x.js")`.
    for (const m of code.matchAll(/\bimport\s*(?:[^'"();]*?from\s*)?["'](\.\/[^"']+\.js)["']/g)) {
      const dep = join('assets', (m[1] as string).slice(2));
      if (!js.has(dep)) {
        js.add(dep);
        queue.push(dep);
      }
    }
  }
  return {
    js: [...js].map((f) => sizeOf(distDir, f)),
    css: [...css].map((f) => sizeOf(distDir, f)),
  };
}

/** Every .js file under dist/assets with its size, for the lazily loaded remainder. */
function allScripts(distDir: string): FileSize[] {
  const dir = join(distDir, 'assets');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js') && statSync(join(dir, f)).isFile())
    .map((f) => sizeOf(distDir, join('assets', f)));
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const total = (files: FileSize[], key: 'raw' | 'gzip') => files.reduce((s, f) => s + f[key], 0);

/** Prints the production build's initial-load size table and the budget verdict. */
export function reportBundleSize(distDir = resolve('dist')): { initialJsGzipKb: number } {
  const { js, css } = initialLoad(distDir);
  const initialJs = new Set(js.map((f) => f.file));
  const lazy = allScripts(distDir).filter((f) => !initialJs.has(f.file));
  console.log('\n## Bundle size (production build, loaded before first paint)\n');
  console.log('| what | files | raw kB | gzip kB |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(`| JavaScript | ${js.length} | ${kb(total(js, 'raw'))} | ${kb(total(js, 'gzip'))} |`);
  console.log(`| CSS | ${css.length} | ${kb(total(css, 'raw'))} | ${kb(total(css, 'gzip'))} |`);
  console.log(
    `| JavaScript loaded later (lazy) | ${lazy.length} | ${kb(total(lazy, 'raw'))} | ${kb(total(lazy, 'gzip'))} |`,
  );
  const initialJsGzipKb = total(js, 'gzip') / 1000;
  const verdict = initialJsGzipKb <= INITIAL_JS_BUDGET_KB ? 'within' : 'OVER';
  console.log(
    `\nInitial JavaScript: ${initialJsGzipKb.toFixed(1)} kB gzipped, ${verdict} the ${INITIAL_JS_BUDGET_KB} kB budget.`,
  );
  return { initialJsGzipKb };
}
