// @vitest-environment jsdom
/**
 * A heatmap of an imported model's 512 units: rows of a readable height scroll inside a
 * window of 64, the tooltip still names the unit and step under the pointer, the overlay
 * canvas stays the window's size, and a unit picked elsewhere is scrolled into view.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useScene } from '../../../src/store';
import { HeatmapPlot } from '../../../src/views/heatmaps/HeatmapPlot';
import { formatValue } from '../../../src/views/heatmaps/HeatmapTooltip';
import { heatmapPixels, heatmapScaleFor } from '../../../src/views/heatmaps/scale';
import { stubCanvases } from './canvasStub';

const T = 40;
const H = 512;
/** A distinct value per cell, so a wrong row or column reads a wrong number. */
const rows = Array.from({ length: T }, (_, t) =>
  Float64Array.from({ length: H }, (_, j) => Math.sin(0.37 * j + 0.11 * t)),
);
const tokens = Array.from({ length: T }, (_, t) => `x${t + 1}`);
const scale = heatmapScaleFor('g', rows);

beforeEach(() => {
  useScene.setState(useScene.getInitialState(), true);
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => {
    cb(0);
    return 0;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

function draw() {
  return render(
    <HeatmapPlot
      paneId="A"
      name="g"
      rows={rows}
      T={T}
      H={H}
      tokens={tokens}
      scale={scale}
      pixels={() => heatmapPixels(rows, T, H, scale)}
    />,
  );
}

/** The scrolling window: the focusable group that holds the picture. */
const windowOf = () =>
  screen.getByRole('group', { name: /^Heatmap of g \(candidate\): 512 units, 64 shown/ });

describe('a heatmap of 512 units', () => {
  it('scrolls rows of 4 px inside a window of 64 of them, labelled every 5th unit', () => {
    stubCanvases();
    draw();
    const box = windowOf();
    expect(box.tabIndex).toBe(0);
    const img = screen.getByRole('img', { name: 'Heatmap of g (candidate)' });
    expect(box.contains(img)).toBe(true);
    const plot = img.querySelector('.heatmap-plot') as HTMLElement;
    expect(plot.style.height).toBe(`${H * 4}px`);
    const shown = box.closest('.heatmap-window') as HTMLElement;
    expect(parseFloat(shown.style.height)).toBeLessThan(64 * 4 + 20);
    const labels = Array.from(img.querySelectorAll('.heatmap-units span'), (s) => s.textContent);
    expect(labels).toContain('300');
    expect(labels).not.toContain('301');
    expect(labels).toContain('510');
  });

  it('keeps the overlay canvas the window’s size, not the 2048 px plot’s', () => {
    stubCanvases();
    const { container } = draw();
    const overlay = container.querySelector('.heatmap-overlay') as HTMLCanvasElement;
    const base = container.querySelector('.heatmap-base') as HTMLCanvasElement;
    // The cells' image: one pixel per cell.
    expect([base.width, base.height]).toEqual([T, H]);
    expect(overlay.height).toBeLessThan(64 * 4 + 40);
    expect(overlay.width).toBeLessThan(400);
  });

  it('names unit 300 and the step under the pointer in its tooltip, scrolled or not', () => {
    stubCanvases();
    draw();
    const plot = screen
      .getByRole('img', { name: 'Heatmap of g (candidate)' })
      .querySelector('.heatmap-plot') as HTMLElement;
    // Scrolled so that the plot's top is 1000 px above the window: the box moves up.
    const box = { left: 10, top: 20 - 1000, width: 200, height: H * 4 };
    vi.spyOn(plot, 'getBoundingClientRect').mockReturnValue({
      ...box,
      x: box.left,
      y: box.top,
      right: box.left + box.width,
      bottom: box.top + box.height,
      toJSON: () => box,
    });
    // Unit 300 (j = 299) spans plot rows 1196..1200 px; step 8 spans x 35..40 px.
    fireEvent.pointerMove(plot, { clientX: 10 + 37, clientY: box.top + 1198 });
    const tip = document.querySelector('.heatmap-tooltip') as HTMLElement;
    expect(tip).toHaveTextContent('unit 300');
    expect(tip).toHaveTextContent('step 8 · “x8”');
    expect(tip).toHaveTextContent(formatValue(Math.sin(0.37 * 299 + 0.11 * 7)));
    expect(useScene.getState().hovered).toMatchObject({ pane: 'A', name: 'g', step: 8, unit: 299 });
  });

  it('scrolls a unit picked elsewhere into view, and leaves a visible one where it is', () => {
    stubCanvases();
    draw();
    const box = windowOf();
    expect(box.scrollTop).toBe(0);
    act(() => useScene.getState().setUnit(399));
    // Row 400 starts 1596 px down the plot: the window now shows it.
    expect(box.scrollTop).toBeLessThanOrEqual(1596);
    expect(box.scrollTop + 64 * 4).toBeGreaterThanOrEqual(1600);
    const top = box.scrollTop;
    act(() => useScene.getState().setUnit(405));
    expect(box.scrollTop).toBe(top);
  });
});
