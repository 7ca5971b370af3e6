import { spawn, type ChildProcess } from 'node:child_process';

/** The bench's own port (the browser tests use 4173). */
export const PORT = 4317;
/** Where the bench build is served. */
export const URL = `http://127.0.0.1:${PORT}/`;

/** Starts `vite preview` on the bench build in `outDir` and resolves once it answers. */
export async function startPreview(outDir: string): Promise<ChildProcess> {
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
  for (let k = 0; k < 100; k++) {
    try {
      if ((await fetch(URL)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error(`vite preview did not answer on ${URL}`);
}
