import { describe, expect, it } from 'vitest';
import { refusesImport, ruleIdsFor } from './lint';

describe('the engine stays a leaf (lint rule)', () => {
  it('refuses React, d3, zustand and app code inside src/engine/', async () => {
    for (const source of ['react', 'd3-scale', 'zustand', '../store/scene', '../views/App']) {
      const ids = await ruleIdsFor(`import '${source}';\n`, 'src/engine/probe.ts');
      expect(ids, source).toContain('no-restricted-imports');
    }
    const nested = await ruleIdsFor(`import '../../store/x';\n`, 'src/engine/cells/probe.ts');
    expect(nested).toContain('no-restricted-imports');
  });

  it('refuses dynamic imports too', async () => {
    expect(await refusesImport(`void import('react');\n`, 'src/engine/probe.ts')).toBe(true);
    expect(await refusesImport(`void import('./lstm');\n`, 'src/engine/probe.ts')).toBe(false);
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
