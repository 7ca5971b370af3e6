import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();

/** Rule ids ESLint reports for `code` as if it were the file at `filePath`. */
async function ruleIdsFor(code: string, filePath: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId);
}

describe('the engine stays a leaf (lint rule)', () => {
  it('refuses React, d3, zustand and app code inside src/engine/', async () => {
    for (const source of ['react', 'd3-scale', 'zustand', '../store/scene', '../views/App']) {
      const ids = await ruleIdsFor(`import '${source}';\n`, 'src/engine/probe.ts');
      expect(ids, source).toContain('no-restricted-imports');
    }
    const nested = await ruleIdsFor(`import '../../store/x';\n`, 'src/engine/cells/probe.ts');
    expect(nested).toContain('no-restricted-imports');
  });

  it('allows imports between engine files', async () => {
    expect(await ruleIdsFor(`import './lstm';\n`, 'src/engine/probe.ts')).not.toContain(
      'no-restricted-imports',
    );
    expect(await ruleIdsFor(`import '../math';\n`, 'src/engine/cells/probe.ts')).not.toContain(
      'no-restricted-imports',
    );
  });

  it('does not restrict the rest of the app', async () => {
    expect(await ruleIdsFor(`import 'react';\n`, 'src/views/probe.tsx')).not.toContain(
      'no-restricted-imports',
    );
  });
});
