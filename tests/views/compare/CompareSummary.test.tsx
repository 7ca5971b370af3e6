// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { parameterCount } from '../../../src/engine';
import { paneRunOf, sequenceOf, useScene } from '../../../src/store';
import { defaultPane } from '../../../src/scene';
import { jacobianNormsOf, type OkPaneRun } from '../../../src/store/gradients';
import { CompareSummary } from '../../../src/views/compare/CompareSummary';
import { formatMs, formatNorm } from '../../../src/views/compare/format';
import { finalStateNorm, median, timingOf } from '../../../src/views/compare/summary';

beforeEach(() => {
  useScene.setState(useScene.getInitialState(), true);
  useScene.setState({ panes: [defaultPane('A', 'lstm'), defaultPane('B', 'gru')] });
});

const table = () =>
  screen.getByRole('table', { name: 'Cost, skill and gradient flow of each model on this input' });
const rowOf = (name: string) => within(table()).getByRole('row', { name: new RegExp(name) });
const cellsOf = (name: string) =>
  within(rowOf(name))
    .getAllByRole('cell')
    .map((cell) => cell.textContent);
const okRun = (k: number): OkPaneRun => {
  const { panes, input } = useScene.getState();
  const run = paneRunOf(panes[k]!, input);
  if (!run.ok) throw new Error(run.error);
  return run;
};

describe('CompareSummary', () => {
  it('has a captioned table with one row per pane, headed by its region name', () => {
    render(<CompareSummary />);
    const headers = within(table())
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual([
      'Model',
      'Parameters',
      'Multiply-adds per step',
      'Forward + backward',
      'Held-out accuracy',
      'Held-out loss',
      '‖hT‖',
      '‖∂hT/∂h1‖',
    ]);
    const rowHeaders = within(table())
      .getAllByRole('rowheader')
      .map((h) => h.textContent);
    expect(rowHeaders).toEqual(['Model A — LSTM', 'Model B — GRU']);
  });

  it('prints the parameter counts and ‖h_T‖ at once, the engine’s numbers', () => {
    render(<CompareSummary />);
    const inputSize = sequenceOf(useScene.getState().input).inputSize;
    const [a, b] = useScene.getState().panes;
    expect(cellsOf('Model A')[0]).toBe(
      parameterCount({ ...a!, inputSize }).toLocaleString('en-US'),
    );
    expect(cellsOf('Model B')[0]).toBe(
      parameterCount({ ...b!, inputSize }).toLocaleString('en-US'),
    );
    expect(cellsOf('Model A')[0]).toBe('576');
    expect(cellsOf('Model B')[0]).toBe('432');
    // "hello world" has 8 distinct characters: LSTM 4·8·(8 + 8), GRU 3·8·(8 + 8) per step.
    expect(cellsOf('Model A')[1]).toBe('512');
    expect(cellsOf('Model B')[1]).toBe('384');
    // Random weights were never scored on a task.
    expect(cellsOf('Model A').slice(3, 5)).toEqual(['—', '—']);
    expect(cellsOf('Model A')[5]).toBe(formatNorm(finalStateNorm(okRun(0))));
    const last = okRun(1).trace.outputs.at(-1)!;
    expect(finalStateNorm(okRun(1))).toBeCloseTo(Math.hypot(...Array.from(last)), 12);
  });

  it('measures the time per pass, with its spread, and ‖∂h_T/∂h_1‖ after paint', async () => {
    render(<CompareSummary />);
    await waitFor(() => expect(within(table()).queryByText('measuring…')).toBeNull(), {
      timeout: 10_000,
    });
    for (const [k, name] of ['Model A', 'Model B'].entries()) {
      const cells = cellsOf(name);
      expect(cells[2]).toMatch(/^\d+(\.\d+)? ms \(\d+(\.\d+)?–\d+(\.\d+)? ms\)$/);
      expect(cells[2]!.startsWith(formatMs(timingOf(okRun(k))!))).toBe(true);
      const [low, high] = cells[2]!
        .match(/\((.*)\)/)![1]!
        .split('–')
        .map(parseFloat);
      expect(low).toBeLessThanOrEqual(parseFloat(cells[2]!));
      expect(high).toBeGreaterThanOrEqual(parseFloat(cells[2]!));
      // h_1 is the state after step 1: entry 1 of the norms, T − 1 steps before h_T.
      expect(cells[6]).toBe(formatNorm(jacobianNormsOf(okRun(k), 0)[1]!));
    }
    expect(table().closest('[aria-busy]')).toHaveAttribute('aria-busy', 'false');
  });

  it('stepping through time measures nothing again', async () => {
    render(<CompareSummary />);
    await waitFor(() => expect(timingOf(okRun(1))).toBeDefined(), { timeout: 10_000 });
    const before = [timingOf(okRun(0)), timingOf(okRun(1))];
    useScene.getState().stepBy(3);
    expect([timingOf(okRun(0)), timingOf(okRun(1))]).toEqual(before);
  });
});

describe('summary numbers', () => {
  it('formats milliseconds and norms for reading from afar', () => {
    expect(formatMs(0.05234)).toBe('0.052 ms');
    expect(formatMs(1.26)).toBe('1.3 ms');
    expect(formatMs(23.4)).toBe('23 ms');
    expect(formatNorm(0)).toBe('0');
    expect(formatNorm(0.48912)).toBe('0.489');
    expect(formatNorm(2.4134e-7)).toBe('2.41e−7');
    expect(formatNorm(Infinity)).toBe('∞');
  });

  it('takes the median of odd and even samples', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
