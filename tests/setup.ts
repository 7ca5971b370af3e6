// Component tests opt into jsdom per file (`@vitest-environment jsdom`). This registers
// jest-dom's matchers (and their types, project-wide) and unmounts React trees there.
import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';

if (typeof document !== 'undefined') {
  const { cleanup } = await import('@testing-library/react');
  afterEach(() => cleanup());
}
