// Component tests opt into jsdom per file (`@vitest-environment jsdom`); this adds
// the DOM matchers and unmounts React trees between tests there.
import { afterEach, expect } from 'vitest';
import * as matchers from '@testing-library/jest-dom/matchers';

expect.extend(matchers);

if (typeof document !== 'undefined') {
  const { cleanup } = await import('@testing-library/react');
  afterEach(() => cleanup());
}
