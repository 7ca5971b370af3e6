import { describe, expect, it } from 'vitest';
import { refusesImport } from './lint';

/** The first lint of a run parses the config and TypeScript: slow on a slow machine. */
const slow = { timeout: 30_000 };

/** Probe sources of each form an import can take. */
const forms = (path: string) => [
  `import '${path}';\n`,
  `import type { X } from '${path}';\nexport type Y = X;\n`,
  `export { y } from '${path}';\n`,
  `export const load = () => import('${path}');\n`,
];

/** Expects every form of importing `path` from `file` to be refused (or allowed). */
async function expectImport(path: string, file: string, refused: boolean): Promise<void> {
  for (const code of forms(path)) {
    expect(await refusesImport(code, file), `${code.trim()} in ${file}`).toBe(refused);
  }
}

describe('src/io/ never imports the store or the views (lint rule)', slow, () => {
  it('refuses store and views, from any depth, in every import form', async () => {
    await expectImport('../store', 'src/io/probe.ts', true);
    await expectImport('../store/scene', 'src/io/probe.ts', true);
    await expectImport('../views/colors', 'src/io/probe.ts', true);
    await expectImport('../../store', 'src/io/export/probe.ts', true);
    await expectImport('../../views/heatmaps/scale', 'src/io/export/probe.ts', true);
  });

  it('allows the scene, the engine and io itself', async () => {
    await expectImport('../scene', 'src/io/probe.ts', false);
    await expectImport('../engine', 'src/io/probe.ts', false);
    await expectImport('./sceneUrl', 'src/io/probe.ts', false);
    await expectImport('../../scene/limits', 'src/io/export/probe.ts', false);
    // A folder whose name merely starts like a forbidden one is not the forbidden one.
    await expectImport('../storefront', 'src/io/probe.ts', false);
  });
});

describe('src/lessons/ never imports the views (lint rule)', slow, () => {
  it('refuses views in every import form', async () => {
    await expectImport('../views/diagram/CellDiagram', 'src/lessons/probe.ts', true);
    await expectImport('../views', 'src/lessons/probe.ts', true);
  });

  it('allows the shared formats, the scene, io and the store', async () => {
    for (const path of ['../format/norm', '../scene', '../io/sceneUrl', '../store']) {
      await expectImport(path, 'src/lessons/probe.ts', false);
    }
  });
});

describe('src/scene/ imports only the engine (lint rule)', slow, () => {
  it('refuses packages and app folders', async () => {
    for (const path of ['zustand', 'react', '../store', '../io/codecs', '../views/colors']) {
      await expectImport(path, 'src/scene/probe.ts', true);
    }
  });

  it('allows the engine and its own files', async () => {
    await expectImport('../engine', 'src/scene/probe.ts', false);
    await expectImport('./limits', 'src/scene/probe.ts', false);
  });
});

describe('the boundaries leave other folders alone', slow, () => {
  it('lets the store and the views import io and each other', async () => {
    await expectImport('../io/sceneUrl', 'src/store/probe.ts', false);
    await expectImport('../../store', 'src/views/diagram/probe.tsx', false);
  });
});
