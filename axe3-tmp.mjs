import { chromium } from '@playwright/test';
import axe from 'axe-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const p = await b.newPage({ viewport: { width: 1440, height: 900 } });
await p.goto('http://127.0.0.1:4173/');
await p.getByRole('img').first().waitFor();
await p.waitForTimeout(2000);
let t = Date.now();
await p.evaluate(axe.source);
console.log('inject', Date.now() - t, axe.source.length);
for (let k = 0; k < 3; k++) {
t = Date.now();
const ms = await p.evaluate(async () => { const t0 = performance.now(); const r = await window.axe.run(document, { resultTypes: ['violations'] }); return [performance.now() - t0, r.violations.length]; });
console.log('run', ms, 'roundtrip', Date.now() - t);
}
await b.close();
