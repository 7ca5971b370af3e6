// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { toStateDict } from '../../../src/engine';
import { paneRunOf, useScene } from '../../../src/store';
import { DEFAULT_INPUT, defaultPane } from '../../../src/scene';
import { ExportMenu } from '../../../src/views/exports/ExportMenu';
import { parseCsv } from './support';

/** Downloads the menu started: the blob and the file name of each. */
let saved: { blob: Blob; name: string }[] = [];

beforeEach(() => {
  useScene.setState(useScene.getInitialState(), true);
  saved = [];
  let pending: Blob | null = null;
  URL.createObjectURL = vi.fn((blob: Blob) => {
    pending = blob;
    return 'blob:test';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    if (pending) saved.push({ blob: pending, name: this.download });
  });
});

afterEach(() => vi.restoreAllMocks());

describe('ExportMenu', () => {
  it('offers every target of the pane’s cell and the five buttons, by exact names', () => {
    render(<ExportMenu paneId="A" />);
    const select = screen.getByRole('combobox', { name: 'Export target' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'Cell diagram',
      'Heatmap of f (forget gate)',
      'Heatmap of i (input gate)',
      'Heatmap of g (candidate)',
      'Heatmap of o (output gate)',
      'Heatmap of c (cell state)',
      'Heatmap of h (hidden state)',
      'Vanishing-gradient plot',
    ]);
    for (const name of [
      'Export PNG',
      'Export SVG',
      'Export CSV',
      'Export gradient CSV',
      'Export weights',
    ]) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
  });

  it('lists a GRU’s heatmaps when the pane becomes a GRU', () => {
    useScene.getState().updatePane('A', { cell: 'gru' });
    render(<ExportMenu paneId="A" />);
    const select = screen.getByRole('combobox', { name: 'Export target' });
    expect(within(select).getAllByRole('option')).toHaveLength(6);
  });

  it('downloads the trace as CSV and the weights as PyTorch-named JSON', async () => {
    const user = userEvent.setup();
    render(<ExportMenu paneId="A" />);
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await user.click(screen.getByRole('button', { name: 'Export weights' }));
    expect(saved.map((s) => s.name)).toEqual([
      'gatescope-A-lstm-trace.csv',
      'gatescope-A-lstm-weights.json',
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('Saved gatescope-A-lstm-weights.json.');
    const run = paneRunOf(useScene.getState().panes[0]!, DEFAULT_INPUT);
    if (!run.ok) throw new Error(run.error);
    const rows = parseCsv(await saved[0]!.blob.text());
    expect(rows).toHaveLength(1 + 11 * 8);
    expect(rows[1]!.slice(0, 4)).toEqual(['1', 'h', '1', '1']); // step, token, layer, unit
    expect(Number(rows[1]![4])).toBe(run.trace.layers[0]!.gates.i![0]![0]);
    expect(JSON.parse(await saved[1]!.blob.text())).toEqual(toStateDict(run.model));
    expect(saved[1]!.blob.type).toBe('application/json');
  });

  it('downloads the gradient norms as CSV', async () => {
    const user = userEvent.setup();
    render(<ExportMenu paneId="A" />);
    await user.click(screen.getByRole('button', { name: 'Export gradient CSV' }));
    expect(saved.map((s) => s.name)).toEqual(['gatescope-gradients.csv']);
    const rows = parseCsv(await saved[0]!.blob.text());
    expect(rows[0]).toEqual([
      'distance',
      'step_t',
      'A_lstm_layer1_norm_dhT_dht',
      'A_lstm_layer1_unit1_forget_product',
    ]);
    expect(rows).toHaveLength(1 + 12);
  });

  it('says so in an alert when the target is not on screen, and downloads nothing', async () => {
    const user = userEvent.setup();
    render(<ExportMenu paneId="A" />);
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Export target' }),
      'Heatmap of c (cell state)',
    );
    await user.click(screen.getByRole('button', { name: 'Export PNG' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The Heatmap of c (cell state) is not on screen',
    );
    expect(saved).toEqual([]);
  });

  it('reports a pane whose model cannot run instead of exporting', async () => {
    const user = userEvent.setup();
    useScene.setState({ panes: [{ ...defaultPane('A'), hiddenSize: 0 }] });
    render(<ExportMenu paneId="A" />);
    await user.click(screen.getByRole('button', { name: 'Export weights' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Pane A has nothing to export');
  });
});
