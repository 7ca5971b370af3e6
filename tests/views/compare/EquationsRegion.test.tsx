// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import { beforeEach, expect, it } from 'vitest';
import { defaultPane, DEFAULT_INPUT, LIMITS } from '../../../src/scene';
import { useScene } from '../../../src/store';
import { EquationsRegion } from '../../../src/views/compare/EquationsRegion';

beforeEach(() => {
  useScene.setState(useScene.getInitialState(), true);
});

/** Panes whose equations show: their numbers, or why there are none. */
const landed = () =>
  [...document.querySelectorAll('.equations-pane')].filter(
    (pane) => pane.querySelector('.equations-panel, .eq-message') !== null,
  ).length;
const waiting = () => screen.queryAllByText('Loading equations…').length;

it('shows the equations of large panes one pane after another, each once the one before has landed', async () => {
  const big = { hiddenSize: LIMITS.hiddenSize.max, numLayers: LIMITS.numLayers.max };
  const panes = (['A', 'B', 'C'] as const).map((id) => ({ ...defaultPane(id), ...big }));
  const input = { ...DEFAULT_INPUT, kind: 'noise' as const, length: LIMITS.sequenceLength.max };
  useScene.setState({ panes, input });
  const seen: [number, number][] = [];
  render(<EquationsRegion />);
  await waitFor(
    () => {
      seen.push([landed(), waiting()]);
      expect(landed()).toBe(3);
    },
    { timeout: 30_000, interval: 1 },
  );
  // Never a pane's equations ahead of the pane before; B and C waited behind placeholders.
  expect(seen.some(([shown, behind]) => shown === 1 && behind === 2)).toBe(true);
  expect(waiting()).toBe(0);
});

it('shows the equations of small panes together', async () => {
  useScene.setState({
    panes: [defaultPane('A'), defaultPane('B', 'gru'), defaultPane('C', 'rnn')],
  });
  render(<EquationsRegion />);
  await waitFor(() => expect(landed()).toBe(3), { timeout: 15_000 });
  expect(document.querySelectorAll('.equations-panel')).toHaveLength(3);
});
