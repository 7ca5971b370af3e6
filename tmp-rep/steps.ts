import type { Reporter, TestCase, TestResult, TestStep } from '@playwright/test/reporter';
import fs from 'node:fs';
export default class StepsReporter implements Reporter {
  rows: { file: string; test: string; title: string; cat: string; ms: number; line?: number }[] = [];
  onStepEnd(test: TestCase, _r: TestResult, step: TestStep) {
    if (step.parent && step.category === 'pw:api') return; // nested
    this.rows.push({ file: test.location.file.replace(/^.*e2e\//, ''), test: test.title.slice(0, 50), title: step.title.slice(0, 80), cat: step.category, ms: step.duration, line: step.location?.line });
  }
  onEnd() { fs.writeFileSync('/tmp/lead/steps.json', JSON.stringify(this.rows)); }
}
