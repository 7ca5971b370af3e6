import { existsSync } from 'node:fs';

/**
 * Flags every Chromium launch uses here: headless, no sandbox (we run as root in CI),
 * and nothing that phones home (this machine has no network but the npm registry).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Absolute path of the Chromium binary the browser tests drive, resolved in order:
 * `CHROMIUM_PATH`; Debian's `/usr/bin/chromium`; the binary shipped inside the npm
 * package `@sparticuz/chromium` (unpacked to the temp folder on first use).
 * Never downloads anything.
 */
export async function resolveChromium(): Promise<string> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const { default: packaged } = await import('@sparticuz/chromium');
  return packaged.executablePath();
}
