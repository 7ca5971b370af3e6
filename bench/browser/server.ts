import { spawn, type ChildProcess } from 'node:child_process';

/** The bench's own port (the browser tests use 4173). */
export const PORT = 4317;
/** Where the bench build is served. */
export const URL = `http://127.0.0.1:${PORT}/`;

/** True when something answers on the bench's URL. */
async function answers(): Promise<boolean> {
  try {
    return (await fetch(URL)).ok;
  } catch {
    return false;
  }
}

/**
 * Starts `vite preview` on the bench build in `outDir` and resolves once it answers.
 * Throws when the port is already taken (a preview left running by a crashed script would
 * otherwise answer in its place, serving whatever it was started on) or when the preview
 * exits before it answers.
 */
export async function startPreview(outDir: string): Promise<ChildProcess> {
  if (await answers()) {
    throw new Error(
      `${URL} already answers: stop what runs on port ${PORT} (a leftover preview?).`,
    );
  }
  const server = spawn(
    'node',
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--outDir',
      outDir,
      '--host',
      '127.0.0.1',
      '--port',
      String(PORT),
      '--strictPort',
    ],
    { stdio: 'ignore' },
  );
  let exited: number | null = null;
  server.once('exit', (code) => (exited = code ?? -1));
  for (let k = 0; k < 100; k++) {
    if (exited !== null) throw new Error(`vite preview exited (code ${exited}) before answering.`);
    if (await answers()) return server;
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error(`vite preview did not answer on ${URL}`);
}
