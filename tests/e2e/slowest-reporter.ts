import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** How many of the slowest tests the summary names. */
const SHOWN = 5;

/**
 * Prints the slowest browser tests when the run ends, so that a test creeping towards the
 * timeout is seen before it fails on a slower machine. Prints; never fails a run.
 */
export default class SlowestTestsReporter implements Reporter {
  private readonly durations: { title: string; ms: number }[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    const file = test.location.file.replace(/^.*tests\/e2e\//, '');
    this.durations.push({ title: `${file} › ${test.title}`, ms: result.duration });
  }

  onEnd(): void {
    const slowest = [...this.durations].sort((a, b) => b.ms - a.ms).slice(0, SHOWN);
    if (slowest.length === 0) return;
    const lines = slowest.map(({ title, ms }) => `  ${(ms / 1000).toFixed(1)} s  ${title}`);
    process.stdout.write(`\nSlowest ${slowest.length} browser tests:\n${lines.join('\n')}\n`);
  }
}
