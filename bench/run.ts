/**
 * `npm run bench`: builds nothing itself (the npm script builds first), then prints
 * every benchmark's figures as Markdown tables. Figures are printed, never asserted
 * against wall-clock limits: the machines are shared and noisy.
 */
import { reportBundleSize } from './bundle-size';
import { reportEngineBench } from './engine';
import { reportBrowserBench } from './browser';

reportBundleSize();
await reportEngineBench();
await reportBrowserBench();
