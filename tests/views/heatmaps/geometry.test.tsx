// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  cellAt,
  labelledIndices,
  labelWidth,
  niceStride,
  plotHeight,
} from '../../../src/views/heatmaps/geometry';
import { TimeAxis } from '../../../src/views/heatmaps/HeatmapAxes';
import { heatmapLabel, HEATMAP_QUANTITIES } from '../../../src/views/heatmaps/quantities';

describe('cellAt', () => {
  // 11 steps over 220 px: 20 px a column; 8 units over 80 px: 10 px a row.
  const at = (x: number, y: number) => cellAt(x, y, 220, 80, 11, 8);

  it('maps a point to its 1-based step and 0-based unit', () => {
    expect(at(0, 0)).toEqual({ step: 1, unit: 0 });
    expect(at(19.9, 9.9)).toEqual({ step: 1, unit: 0 });
    expect(at(20, 10)).toEqual({ step: 2, unit: 1 });
    expect(at(65, 25)).toEqual({ step: 4, unit: 2 });
  });

  it('keeps the right and bottom edges in the last step and unit', () => {
    expect(at(220, 80)).toEqual({ step: 11, unit: 7 });
  });

  it('is null outside the plot or for an empty one', () => {
    expect(at(-1, 5)).toBeNull();
    expect(at(5, 81)).toBeNull();
    expect(cellAt(5, 5, 0, 80, 11, 8)).toBeNull();
    expect(cellAt(5, 5, 220, 80, 0, 8)).toBeNull();
  });

  it('resolves sub-pixel columns when T exceeds the width', () => {
    // 2000 steps over 200 px: 0.1 px a column.
    expect(cellAt(99.95, 0, 200, 160, 2000, 64)).toEqual({ step: 1000, unit: 0 });
    expect(cellAt(100, 159, 200, 160, 2000, 64)).toEqual({ step: 1001, unit: 63 });
  });
});

describe('axis labels', () => {
  it('labels every step when the labels fit, else thins them', () => {
    expect(labelledIndices(5, 20, 12)).toEqual([1, 2, 3, 4, 5]);
    expect(labelledIndices(7, 10, 15)).toEqual([1, 3, 5, 7]);
    expect(labelledIndices(2000, 0.1, 40)).toEqual([1, 500, 1000, 1500, 2000]);
    expect(labelledIndices(64, 2.5, 13)).toEqual([1, 10, 20, 30, 40, 50, 60]);
    expect(niceStride(3)).toBe(5);
    expect(niceStride(11)).toBe(20);
  });

  it('never prints two step numbers into each other where the last one is moved inside the plot', () => {
    for (const width of [70, 90, 130, 150, 180, 240, 600]) {
      const { container, unmount } = render(
        <TimeAxis tokens={Array.from({ length: 2000 }, () => '1.0')} width={width} />,
      );
      const labels = [...container.querySelectorAll('.heatmap-step-numbers span')].map((span) => ({
        text: span.textContent ?? '',
        left: parseFloat((span as HTMLElement).style.left),
      }));
      expect(labels.at(-1)?.text).toBe('2000');
      for (let k = 1; k < labels.length; k++) {
        const [a, b] = [labels[k - 1]!, labels[k]!];
        const room = (labelWidth(a.text.length) + labelWidth(b.text.length)) / 2;
        expect(b.left - a.left, `${a.text} and ${b.text} at ${width} px`).toBeGreaterThanOrEqual(
          room,
        );
      }
      unmount();
    }
  });

  it('gives small and large H a readable height', () => {
    expect(plotHeight(1)).toBeGreaterThanOrEqual(72);
    expect(plotHeight(64)).toBeLessThanOrEqual(176);
  });
});

describe('quantities', () => {
  it('names each heatmap as "Heatmap of f (forget gate)"', () => {
    expect(HEATMAP_QUANTITIES.lstm.map(heatmapLabel)).toEqual([
      'Heatmap of f (forget gate)',
      'Heatmap of i (input gate)',
      'Heatmap of g (candidate)',
      'Heatmap of o (output gate)',
      'Heatmap of c (cell state)',
      'Heatmap of h (hidden state)',
    ]);
  });
});
