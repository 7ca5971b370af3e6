/**
 * The Vite plugins of `npm run build:single` (vite.single.config.ts): Gatescope as one HTML
 * file that works opened straight from disk (`file://`) with no network, for a lecture hall
 * whose network is down. Chromium refuses module scripts, workers and fetch() from
 * `file://`, so everything the page loads is in the page itself: the script (lazy chunks
 * and the worker's script included), the styles, KaTeX's fonts and the favicon.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { OutputAsset, OutputBundle } from 'rolldown';
import type { Plugin } from 'vite';

/** Name of the one file written, in the build's output folder. */
export const SINGLE_FILE_NAME = 'gatescope.html';

/**
 * Modules with a single-file counterpart, swapped in for them (paths from the repository
 * root): the worker starts from a blob: URL instead of its own file.
 */
const SWAPS: Readonly<Record<string, string>> = {
  'src/store/workerStart.ts': 'src/store/workerStart.single.ts',
};

/** Puts each module of {@link SWAPS} in place of its regular self. */
export function swapSingleFileModules(root: string): Plugin {
  const swaps = new Map(
    Object.entries(SWAPS).map(([from, to]) => [resolve(root, from), resolve(root, to)]),
  );
  return {
    name: 'gatescope:single-file-swaps',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const swap = resolved && swaps.get(resolved.id);
      return swap ?? null;
    },
  };
}

/** KaTeX's `url(…woff) format("woff"),url(…ttf) format("truetype")` fallbacks. */
const KATEX_OLD_FONTS =
  /,url\([^)]*\.woff\) format\("woff"\),url\([^)]*\.ttf\) format\("truetype"\)/g;

/**
 * KaTeX's stylesheet with its woff2 fonts only (every browser that runs the app reads
 * woff2): the woff and ttf copies would double the file for nothing. Fails the build if
 * KaTeX's stylesheet changes so that another font format would be inlined.
 */
export function katexWoff2Only(): Plugin {
  return {
    name: 'gatescope:katex-woff2-only',
    // Before Vite's own CSS plugin, which turns each url() into an asset of its own.
    enforce: 'pre',
    transform: {
      filter: { id: /katex\/dist\/katex(\.min)?\.css$/ },
      handler(code, id) {
        const kept = code.replace(KATEX_OLD_FONTS, '');
        if (/\.(woff|ttf)\)/.test(kept)) {
          this.error(`${id}: a font other than woff2 is still referenced; update KATEX_OLD_FONTS.`);
        }
        return { code: kept, map: null };
      },
    },
  };
}

/** `'sha256-…'`: a Content-Security-Policy source allowing the inline element holding `text`. */
function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Script text safe inside `<script>…</script>`: `</script` would end the element early, so
 * it becomes `<\/script`, which reads the same in the strings, regular expressions and
 * comments it can appear in. `<!--` followed by `<script` would make the HTML parser skip
 * the closing tag: the build fails then, rather than guess what the code means.
 */
function scriptText(code: string): string {
  const text = code.replace(/<\/script/gi, '<\\/script');
  if (/<!--[^]*<script/i.test(text)) {
    throw new Error('the script holds "<!--" before "<script": it cannot be inlined as text');
  }
  return text;
}

/**
 * The page's policy for the single file: only the inline script and stylesheet (by hash),
 * fonts and images from data:, the worker from blob: (or data:, Vite's fallback), and no
 * connection anywhere.
 */
function singleFilePolicy(script: string, style: string): string {
  return [
    "default-src 'none'",
    `script-src ${cspHash(script)}`,
    `style-src ${cspHash(style)}`,
    'font-src data:',
    'img-src data: blob:',
    "connect-src 'none'",
    'worker-src blob: data:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The source of the `fileName` entry of `bundle` as text; fails when it is not there. */
function take(bundle: OutputBundle, fileName: string): string {
  const entry = bundle[fileName];
  if (!entry) throw new Error(`${fileName} is not in the build's output`);
  delete bundle[fileName];
  if (entry.type === 'chunk') return entry.code;
  const { source } = entry as OutputAsset;
  return typeof source === 'string' ? source : new TextDecoder().decode(source);
}

/**
 * Folds the built page into one file, {@link SINGLE_FILE_NAME}: its module script and
 * stylesheet go inline, the favicon (from `publicDir`) becomes a data: URL, and the
 * Content-Security-Policy allows exactly those. Fails the build when anything else is left
 * over (a lazy chunk, a font not inlined): the page would look for it beside itself.
 * Prints the file's size when written.
 */
export function inlineIntoOnePage(faviconPath: string): Plugin {
  let outDir = 'dist-single';
  return {
    name: 'gatescope:inline-into-one-page',
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        let page = take(bundle, 'index.html');
        let script = '';
        let style = '';
        page = page.replace(
          /<script type="module" crossorigin src="\.\/([^"]+)"><\/script>/,
          (_tag, file: string) => {
            script = scriptText(take(bundle, file));
            return `<script type="module">${script}</script>`;
          },
        );
        page = page.replace(
          /<link rel="stylesheet" crossorigin href="\.\/([^"]+)">/,
          (_t, file) => {
            style = take(bundle, file as string);
            if (/<\/style/i.test(style)) this.error('the stylesheet holds "</style"');
            return `<style>${style}</style>`;
          },
        );
        if (!script || !style) this.error('the page has no module script or no stylesheet');
        const favicon = encodeURIComponent(readFileSync(faviconPath, 'utf8'));
        page = page
          .replace('href="./favicon.svg"', `href="data:image/svg+xml,${favicon}"`)
          .replace(
            /(http-equiv="Content-Security-Policy"\s+content=")[^"]*"/,
            (_m, start: string) => `${start}${singleFilePolicy(script, style)}"`,
          );
        const left = Object.keys(bundle);
        if (left.length > 0) this.error(`not inlined into the page: ${left.join(', ')}`);
        if (/(src|href)="\.?\//.test(page)) this.error('the page still links a file beside it');
        this.emitFile({ type: 'asset', fileName: SINGLE_FILE_NAME, source: page });
      },
    },
    writeBundle() {
      const file = resolve(outDir, SINGLE_FILE_NAME);
      const bytes = statSync(file).size;
      const gzip = gzipSync(readFileSync(file)).length;
      console.log(
        `\nGatescope in one file: ${relative(process.cwd(), file)}\n  ${(bytes / 1e6).toFixed(2)} MB (${(gzip / 1e6).toFixed(2)} MB gzipped); open it from disk, no network needed.\n`,
      );
    },
  };
}
