// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { heatmapSvg, LIGHT_THEME } from '../../../src/io/export';
import { paneRunOf } from '../../../src/store';
import { DEFAULT_INPUT, defaultPane } from '../../../src/scene';
import type { OkPaneRun } from '../../../src/store/gradients';
import { heatmapFigureOf } from '../../../src/views/exports/heatmapFigure';

function defaultRun(): OkPaneRun {
  const run = paneRunOf(defaultPane('A'), DEFAULT_INPUT);
  if (!run.ok) throw new Error(run.error);
  return run;
}

function parse(markup: string): Element {
  const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc.documentElement;
}

const request = (name: string) => ({
  paneId: 'A',
  run: defaultRun(),
  name,
  layer: 0,
  step: 3,
  unit: 2,
  width: 300,
  theme: LIGHT_THEME,
  canRaster: false,
});

describe('heatmapSvg', () => {
  it('draws every cell of f in the heatmap’s own colours, with title, axes and legend', () => {
    const figure = heatmapFigureOf(request('f'));
    const root = parse(heatmapSvg(figure));
    expect(root.getAttribute('width')).toBe('300');
    expect(root.querySelector('title')?.textContent).toBe('Heatmap of f (forget gate)');
    const text = root.textContent ?? '';
    expect(text).toContain('forget gate');
    expect(text).toContain('Pane A — LSTM · step 3 of 11');
    // The tokens of "hello world" label the time axis, the space as ␣.
    for (const token of ['h', 'e', 'l', 'o', '␣', 'w', 'r', 'd']) expect(text).toContain(token);
    // Cells: rectangles whose colours are the pixels', covering T × H cells in total.
    const cells = Array.from(root.querySelectorAll('g[shape-rendering="crispEdges"] rect'));
    const T = 11;
    const H = 8;
    const cellWidth = Number(cells[0]!.getAttribute('width'));
    const covered = cells.reduce((n, r) => n + Number(r.getAttribute('width')) / cellWidth, 0);
    expect(Math.round(covered)).toBe(T * H);
    const first = cells[0]!.getAttribute('fill')!;
    const [r, g, b] = figure.pixels;
    expect(first).toBe(`#${[r, g, b].map((v) => v!.toString(16).padStart(2, '0')).join('')}`);
    expect(root.querySelectorAll('linearGradient stop')).toHaveLength(11);
  });

  it('states the fitted range of the cell state in its legend', () => {
    const root = parse(heatmapSvg(heatmapFigureOf(request('c'))));
    expect(root.textContent).toMatch(/±[\d.]+ = max \|c\|/);
  });

  it('embeds large heatmaps as one image instead of rectangles', () => {
    const figure = { ...heatmapFigureOf(request('g')), cellsHref: 'data:image/png;base64,AAAA' };
    const root = parse(heatmapSvg(figure));
    const image = root.querySelector('image')!;
    expect(image.getAttribute('href')).toBe('data:image/png;base64,AAAA');
    expect(root.querySelector('g[shape-rendering="crispEdges"]')).toBeNull();
  });
});
