/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The Content-Security-Policy in index.html forbids inline scripts and styles. Vite's
 * dev server needs both (React Fast Refresh preamble; CSS injected as <style>), so in
 * `vite` (serve) only, the policy is relaxed. `vite build` and `vite preview` ship it
 * unchanged.
 */
function devOnlyInlineScripts(): Plugin {
  return {
    name: 'gatescope:dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    },
  };
}

export default defineConfig({
  plugins: [react(), devOnlyInlineScripts()],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
    // dist/.vite/manifest.json: the bench's bundle-size report reads the first-paint chunks from it.
    manifest: true,
    // Keep fonts and other assets as files: the CSP has no data: in font-src.
    assetsInlineLimit: 0,
    rolldownOptions: {
      // d3-scale-chromatic builds every colour scheme at module level (`ramp(colors("…"))`),
      // calls a bundler keeps unless told they are pure: without this, all its ~40 schemes
      // (about 6 kB gzipped) ride along with the two the app uses.
      treeshake: { manualPureFunctions: ['colors', 'ramp', 'ramp$1', 'interpolateRgbBasis'] },
    },
  },
  // The worker as an ES module, so that what it loads on demand (the model-file parsers,
  // jsfive, protobuf) stays in chunks of its own instead of inflating the worker's start.
  worker: { format: 'es' },
  server: {
    host: '127.0.0.1',
    port: 5173,
    // Open a browser tab where there is a desktop to open it on.
    open:
      process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY),
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    testTimeout: 60_000,
    // Setup hooks too: loading TensorFlow.js for the oracle took over vitest's default 10 s
    // on a loaded 2-core machine.
    hookTimeout: 60_000,
    // Both cores: vitest's default keeps one core free, which doubles the run on this
    // machine kind (2 cores) with nothing else to do meanwhile.
    maxWorkers: 2,
    // Threads start faster than the default forked processes (about 60 s against 75 s here).
    pool: 'threads',
    // Test files of a worker share its module registry (about 60 s against 80 s here). Every
    // file resets the store and the stubs it uses in its own hooks, and runs in any order.
    isolate: false,
  },
});
