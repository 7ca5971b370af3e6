// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { beforeEach, expect, it, vi } from 'vitest';
import { useScene } from '../../../src/store';
import { EquationsPanel } from '../../../src/views/equations/EquationsPanel';

vi.mock('../../../src/hooks/usePaneRun', () => {
  const failed = () => ({
    ok: false,
    error: 'weight_hh_l0 is not finite',
    sequence: { xs: [], tokens: [], inputSize: 1, features: ['x'] },
  });
  return { usePaneRun: failed, useDeferredPaneRun: failed };
});

beforeEach(() => {
  useScene.setState(useScene.getInitialState(), true);
});

it('shows a short message instead of equations when the run failed', () => {
  const { container } = render(<EquationsPanel paneId="A" />);
  expect(screen.getByRole('status')).toHaveTextContent('weight_hh_l0 is not finite');
  expect(container.querySelector('.eq-row')).toBeNull();
  expect(screen.queryByRole('radiogroup')).toBeNull();
});
