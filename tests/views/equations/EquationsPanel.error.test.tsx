// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { afterAll, expect, it, vi } from 'vitest';

vi.mock('../../../src/hooks/usePaneRun', () => {
  const failed = () => ({
    ok: false,
    error: 'weight_hh_l0 is not finite',
    sequence: { xs: [], tokens: [], inputSize: 1, features: ['x'] },
  });
  return { usePaneRun: failed, useDeferredPaneRun: failed };
});

// Test files share a worker's modules (`isolate: false`). The panel is imported afresh, after
// the stub above, and dropped afterwards, so that no other file sees the panel bound to it
// and this one never gets a panel cached by another.
vi.resetModules();
const { EquationsPanel } = await import('../../../src/views/equations/EquationsPanel');
afterAll(() => {
  vi.doUnmock('../../../src/hooks/usePaneRun');
  vi.resetModules();
});

it('shows a short message instead of equations when the run failed', () => {
  const { container } = render(<EquationsPanel paneId="A" />);
  expect(screen.getByRole('status')).toHaveTextContent('weight_hh_l0 is not finite');
  expect(container.querySelector('.eq-row')).toBeNull();
  expect(screen.queryByRole('radiogroup')).toBeNull();
});
