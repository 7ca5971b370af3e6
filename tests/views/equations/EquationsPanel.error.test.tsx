// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { afterAll, expect, it, vi } from 'vitest';

/** The run the stubbed hooks return: failed, or still computing in the worker. */
const stub = vi.hoisted(() => {
  const sequence = { xs: [], tokens: [], inputSize: 1, features: ['x'] };
  const failed = { ok: false, error: 'weight_hh_l0 is not finite', sequence };
  const computing = { ok: false, error: 'computing the trace…', loading: true, sequence };
  return { failed, computing, run: failed as object };
});

vi.mock('../../../src/hooks/usePaneRun', () => {
  const run = () => stub.run;
  return { usePaneRun: run, useDeferredPaneRun: run };
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

it('shows a short message instead of equations when the run failed, pointing to the diagram for why', () => {
  stub.run = stub.failed;
  const { container } = render(<EquationsPanel paneId="A" />);
  // The cell diagram prints the reason and its fixes; here one line points there.
  expect(screen.getByRole('status')).toHaveTextContent(
    'No equations to show: the model could not run (the cell diagram says why).',
  );
  expect(screen.getByRole('status')).not.toHaveTextContent('weight_hh_l0');
  expect(container.querySelector('.eq-row')).toBeNull();
  expect(screen.queryByRole('radiogroup')).toBeNull();
});

it('tells its region it has landed once it shows why there are no numbers, not while the trace computes', () => {
  const landed = vi.fn();
  stub.run = stub.computing;
  const view = render(<EquationsPanel paneId="A" onLanded={landed} />);
  expect(screen.getByRole('status')).toHaveTextContent('computing the trace');
  expect(landed).not.toHaveBeenCalled();
  stub.run = stub.failed;
  view.rerender(<EquationsPanel paneId="A" onLanded={landed} />);
  expect(landed).toHaveBeenCalledTimes(1);
});
