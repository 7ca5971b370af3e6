// @vitest-environment jsdom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useScene } from '../../../src/store';
import { GateHeatmaps } from '../../../src/views/heatmaps/GateHeatmaps';
import { formatValue } from '../../../src/views/heatmaps/HeatmapTooltip';
import { formatRange } from '../../../src/views/heatmaps/scale';
import { callsOf, stubCanvases } from './canvasStub';
import { largestMagnitude, traceOn } from './support';

beforeEach(() => {
  useScene.setState(useScene.getInitialState(), true);
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** No 2D context, as in plain jsdom, without its "not implemented" warning. */
function noCanvas() {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
}

/** The plot (the element with the pointer handlers) of a heatmap, placed at a known box. */
function plotOf(label: string, box = { left: 10, top: 20, width: 220, height: 112 }) {
  const plot = screen.getByRole('img', { name: label }).querySelector('.heatmap-plot');
  if (!(plot instanceof HTMLElement)) throw new Error(`no plot in ${label}`);
  vi.spyOn(plot, 'getBoundingClientRect').mockReturnValue({
    ...box,
    x: box.left,
    y: box.top,
    right: box.left + box.width,
    bottom: box.top + box.height,
    toJSON: () => box,
  });
  return plot;
}

/** The heatmap card that holds a heatmap. */
function cardOf(label: string): HTMLElement {
  return screen.getByRole('img', { name: label }).closest('.heatmap') as HTMLElement;
}

const names = () => screen.getAllByRole('img').map((img) => img.getAttribute('aria-label'));

describe('GateHeatmaps', () => {
  it('names one heatmap per LSTM quantity', () => {
    noCanvas();
    render(<GateHeatmaps paneId="A" />);
    expect(names()).toEqual([
      'Heatmap of f (forget gate)',
      'Heatmap of i (input gate)',
      'Heatmap of g (candidate)',
      'Heatmap of o (output gate)',
      'Heatmap of c (cell state)',
      'Heatmap of h (hidden state)',
    ]);
    expect(screen.getByRole('heading', { name: 'f — forget gate' })).toBeInTheDocument();
    for (const img of screen.getAllByRole('img')) {
      expect(img.querySelectorAll('button, a, input, select, [tabindex]')).toHaveLength(0);
    }
  });

  it('names the GRU and RNN heatmaps', () => {
    noCanvas();
    useScene.getState().updatePane('A', { cell: 'gru' });
    const { unmount } = render(<GateHeatmaps paneId="A" />);
    expect(names()).toEqual([
      'Heatmap of r (reset gate)',
      'Heatmap of z (update gate)',
      'Heatmap of n (candidate)',
      'Heatmap of h (hidden state)',
    ]);
    expect(screen.getByRole('group')).toHaveAccessibleName(/GRU, PyTorch convention/);
    unmount();
    useScene.getState().updatePane('A', { cell: 'rnn' });
    render(<GateHeatmaps paneId="A" />);
    expect(names()).toEqual(['Heatmap of pre (pre-activation)', 'Heatmap of h (hidden state)']);
  });

  it('states max |c| of the trace in the c legend, and the fixed ranges elsewhere', () => {
    noCanvas();
    render(<GateHeatmaps paneId="A" />);
    const c = traceOn('hello world', { cell: 'lstm', hiddenSize: 8, numLayers: 1 }).layers[0]!.gates
      .c!;
    const m = largestMagnitude(c);
    const legend = within(cardOf('Heatmap of c (cell state)'));
    expect(legend.getByText(`±${formatRange(m)}`, { exact: false })).toHaveTextContent(
      `±${formatRange(m)} = max |c|`,
    );
    const f = within(cardOf('Heatmap of f (forget gate)'));
    expect(f.getByText('0.5')).toBeInTheDocument();
    expect(f.queryByText(/max \|/)).toBeNull();
    expect(within(cardOf('Heatmap of g (candidate)')).getByText('−1')).toBeInTheDocument();
  });

  it('moves the time cursor and the selected unit to the clicked cell', () => {
    noCanvas();
    render(<GateHeatmaps paneId="A" />);
    // 11 steps over 220 px (20 px each), 8 units over 112 px (14 px each).
    fireEvent.click(plotOf('Heatmap of o (output gate)'), { clientX: 10 + 65, clientY: 20 + 30 });
    expect(useScene.getState()).toMatchObject({ t: 4, unit: 2 });
    fireEvent.click(plotOf('Heatmap of c (cell state)'), { clientX: 10 + 219, clientY: 20 + 111 });
    expect(useScene.getState()).toMatchObject({ t: 11, unit: 7 });
  });

  it('publishes the hovered cell and shows its value; leaving clears both', () => {
    noCanvas();
    render(<GateHeatmaps paneId="A" />);
    const plot = plotOf('Heatmap of g (candidate)');
    fireEvent.pointerMove(plot, { clientX: 10 + 65, clientY: 20 + 30 });
    expect(useScene.getState().hovered).toEqual({ pane: 'A', name: 'g', step: 4, unit: 2 });
    const g = traceOn('hello world', { cell: 'lstm', hiddenSize: 8, numLayers: 1 }).layers[0]!.gates
      .g!;
    const card = within(cardOf('Heatmap of g (candidate)'));
    expect(card.getByText('g — candidate', { selector: '.heatmap-tooltip-title' })).toBeVisible();
    expect(card.getByText('step 4 · “l”')).toBeInTheDocument();
    expect(card.getByText('unit 3')).toBeInTheDocument();
    expect(card.getByText(formatValue(g[3]![2]!))).toBeInTheDocument();
    fireEvent.pointerLeave(plot);
    expect(useScene.getState().hovered).toBeNull();
    expect(card.queryByText('unit 3')).toBeNull();
  });

  it('outlines the heatmap another view points at, in this pane only', () => {
    noCanvas();
    render(<GateHeatmaps paneId="A" />);
    act(() => useScene.getState().setHovered({ pane: 'A', name: 'c' }));
    expect(cardOf('Heatmap of c (cell state)')).toHaveClass('linked');
    expect(cardOf('Heatmap of f (forget gate)')).not.toHaveClass('linked');
    act(() => useScene.getState().setHovered({ pane: 'B', name: 'c' }));
    expect(cardOf('Heatmap of c (cell state)')).not.toHaveClass('linked');
  });

  it('draws the cells once and moves only the overlay when stepping', async () => {
    const contextOf = stubCanvases();
    render(<GateHeatmaps paneId="A" />);
    const canvases = screen.getAllByRole('img').map((img) => img.querySelectorAll('canvas'));
    const bases = canvases.map((pair) => contextOf(pair[0]!));
    const overlay = contextOf(canvases[0]![1]!);
    // The cursor is first drawn in the next frame (one style read for all heatmaps).
    expect(callsOf(overlay, 'strokeRect')).toHaveLength(0);
    await act(() => new Promise((done) => requestAnimationFrame(() => done(null))));
    expect(callsOf(overlay, 'strokeRect').length).toBeGreaterThan(0);
    expect(bases.map((ctx) => callsOf(ctx, 'putImageData').length)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(canvases[0]![0]).toHaveProperty('width', 11);
    expect(canvases[0]![0]).toHaveProperty('height', 8);

    act(() => useScene.getState().setStep(7));
    // jsdom has no layout: the plot falls back to 320 px; step 7 of 11 spans px 175–204.
    const frames = callsOf(overlay, 'strokeRect');
    expect(frames.at(-1)?.slice(0, 1)).toEqual([Math.round((6 / 11) * 320)]);
    expect(frames.at(-1)?.[2]).toBe(Math.round((7 / 11) * 320) - Math.round((6 / 11) * 320));
    expect(bases.map((ctx) => callsOf(ctx, 'putImageData').length)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('paints a large scene’s images after the render, one task each, each once', async () => {
    const contextOf = stubCanvases();
    act(() => {
      useScene.getState().setInputKind('noise');
      expect(useScene.getState().setSequenceLength(700)).toBeNull();
      expect(useScene.getState().updatePane('A', { hiddenSize: 64 })).toBeNull();
    });
    render(<GateHeatmaps paneId="A" />);
    const bases = screen
      .getAllByRole('img')
      .map((img) => contextOf(img.querySelector('canvas') as HTMLCanvasElement));
    const painted = () => bases.map((ctx) => callsOf(ctx, 'putImageData').length);
    expect(painted(), 'nothing painted in the render’s own task').toEqual([0, 0, 0, 0, 0, 0]);
    await vi.waitFor(() => expect(painted()).toEqual([1, 1, 1, 1, 1, 1]));
    expect(bases[0]!.canvas).toHaveProperty('width', 700);
    expect(bases[0]!.canvas).toHaveProperty('height', 64);
  });

  it('clamps the selected layer to the pane’s layers and redraws for a new layer', () => {
    noCanvas();
    useScene.getState().updatePane('A', { numLayers: 2 });
    useScene.getState().setLayer(5);
    render(<GateHeatmaps paneId="A" />);
    expect(screen.getByRole('group')).toHaveAccessibleName(/layer 2 of 2/);
    const c1 = traceOn('hello world', { cell: 'lstm', hiddenSize: 8, numLayers: 2 }).layers[1]!
      .gates.c!;
    expect(
      within(cardOf('Heatmap of c (cell state)')).getByText(
        `±${formatRange(largestMagnitude(c1))}`,
        {
          exact: false,
        },
      ),
    ).toBeInTheDocument();
  });
});
