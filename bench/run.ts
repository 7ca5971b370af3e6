/**
 * `npm run bench`: the npm script first builds the production bundle to
 * dist-bench/production and the bench variant (`--mode bench`: the same plus the
 * `window.__gatescope` debug hook) to dist-bench/app; this prints every benchmark's
 * figures as Markdown tables. Figures are printed, never asserted against wall-clock
 * limits: the machines are shared and noisy.
 */
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { reportBrowserBench } from './browser/report';
import { reportBundleSize } from './bundle-size';
import { reportEngineBench } from './engine';
import { reportImportBench } from './import';
import { reportTrainingBench } from './training';

const started = Date.now();
const cpu = cpus();
console.log(
  `# Gatescope bench, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC\n\nMachine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}; Node ${process.version}.`,
);
reportBundleSize(resolve('dist-bench/production'));
await reportEngineBench();
await reportTrainingBench();
await reportImportBench();
await reportBrowserBench('dist-bench/app');
console.log(`\nBench took ${((Date.now() - started) / 1000).toFixed(0)} s (builds not counted).`);
