#!/usr/bin/env node
/**
 * `npm test`: every check, in the order that keeps a two-core machine busy.
 *
 *   1. `build` and `build:single` at once (the browser tests serve both);
 *   2. the browser tests, while the type check and the linter run beside them at the lowest
 *      CPU priority (nice 19): the browser leaves about a fifth of the CPU idle while it
 *      waits on the page, and those two, single-threaded and with no time limits, take
 *      only that, so the browser tests run as fast as alone;
 *   3. the unit tests, on both cores.
 *
 * Each step's output is printed whole once it ends (the browser tests' as they run); the
 * exit code is non-zero when any step failed. `node scripts/testAll.mjs a b c` runs just
 * the npm scripts a, b and c at once.
 */
import { spawn } from 'node:child_process';

/** Runs `npm run <name>`, at the lowest CPU priority when `background`; resolves to pass/fail. */
function run(name, { background = false, live = false } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const npm = ['npm', 'run', '--silent', name];
    const [command, ...args] =
      background && process.platform !== 'win32' ? ['nice', '-n', '19', ...npm] : npm;
    const child = spawn(command, args, {
      stdio: ['ignore', live ? 'inherit' : 'pipe', live ? 'inherit' : 'pipe'],
    });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('close', (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const verdict = code === 0 ? 'passed' : `FAILED (${signal ?? `exit ${code}`})`;
      process.stdout.write(`\n── npm run ${name}: ${verdict} in ${seconds} s\n`);
      process.stdout.write(Buffer.concat(output));
      resolve(code === 0);
    });
  });
}

/** Runs the named scripts one after another; resolves to whether all passed. */
async function inTurn(names, options) {
  let passed = true;
  for (const name of names) passed = (await run(name, options)) && passed;
  return passed;
}

const named = process.argv.slice(2);
let results;
if (named.length > 0) {
  results = await Promise.all(named.map((name) => run(name)));
} else {
  const started = Date.now();
  results = await Promise.all([run('build'), run('build:single')]);
  if (results.every(Boolean)) {
    results = await Promise.all([
      run('test:e2e', { live: true }),
      inTurn(['typecheck', 'lint'], { background: true }),
    ]);
  }
  results.push(await run('test:unit', { live: true }));
  process.stdout.write(`\nnpm test: ${((Date.now() - started) / 1000).toFixed(0)} s in all\n`);
}
process.exit(results.every(Boolean) ? 0 : 1);
