/**
 * `npm run build:single`: Gatescope as one self-contained HTML file,
 * dist-single/gatescope.html, that runs opened from disk (`file://`) with no network. The
 * regular build (vite.config.ts) is the base; here, in mode 'single', everything goes into
 * one script (lazy chunks and the worker too), the styles and KaTeX's fonts are inlined,
 * the shipped models are read from the page (src/store/shippedFiles.ts), and
 * scripts/singleFile.ts folds the result into the one file.
 */
import { resolve } from 'node:path';
import { defineConfig, mergeConfig } from 'vite';
import base from './vite.config.ts';
import { inlineIntoOnePage, katexWoff2Only, swapSingleFileModules } from './scripts/singleFile.ts';

const root = import.meta.dirname;

export default mergeConfig(
  base,
  defineConfig({
    // import.meta.env.MODE === 'single' marks the code only this build keeps.
    mode: 'single',
    // The models are inlined and the favicon too: nothing to copy beside the page.
    publicDir: false,
    plugins: [
      swapSingleFileModules(root),
      katexWoff2Only(),
      inlineIntoOnePage(resolve(root, 'public/favicon.svg')),
    ],
    build: {
      outDir: 'dist-single',
      emptyOutDir: true,
      sourcemap: false,
      manifest: false,
      // Every asset a stylesheet or script names (KaTeX's fonts) becomes a data: URL.
      assetsInlineLimit: () => true,
      cssCodeSplit: false,
      modulePreload: false,
      // One script: what the app loads with import() is in it, never in a file beside it.
      rolldownOptions: { output: { codeSplitting: false } },
      // A report of the one (large) file is enough.
      chunkSizeWarningLimit: 10_000,
    },
    // A classic worker in one script, started from a blob: URL (src/store/workerStart.single.ts).
    worker: { format: 'iife', rolldownOptions: { output: { codeSplitting: false } } },
  }),
);
