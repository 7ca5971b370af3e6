// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { splitPaint, cssColor } from '../../../src/io/export/color';
import { svgMarkup } from '../../../src/io/export';
import { useScene } from '../../../src/store';
import { CellDiagram } from '../../../src/views/diagram/CellDiagram';

/** Parses SVG text as XML; fails the test on a parser error. */
function parseSvg(markup: string): Document {
  const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  expect(doc.documentElement.localName).toBe('svg');
  return doc;
}

beforeEach(() => {
  useScene.setState(useScene.getInitialState(), true);
  document.head.innerHTML = '';
});

describe('splitPaint', () => {
  it('splits rgba, color(srgb …) and transparent into an opaque colour and an alpha', () => {
    expect(splitPaint('rgba(10, 20, 30, 0.5)')).toEqual({ paint: 'rgb(10,20,30)', alpha: 0.5 });
    expect(splitPaint('rgb(10 20 30 / 25%)')).toEqual({ paint: 'rgb(10,20,30)', alpha: 0.25 });
    expect(splitPaint('color(srgb 1 0.5 0 / 0.2)')).toEqual({
      paint: 'rgb(255,128,0)',
      alpha: 0.2,
    });
    expect(splitPaint('transparent').alpha).toBe(0);
    expect(splitPaint('url("#arrow")')).toEqual({ paint: 'url(#arrow)', alpha: 1 });
    expect(splitPaint('none')).toEqual({ paint: 'none', alpha: 1 });
    expect(cssColor('rgba(1, 2, 3, 1)')).toBe('rgb(1,2,3)');
  });
});

describe('svgMarkup', () => {
  it('writes the styles that CSS classes and variables gave as attributes', () => {
    document.head.innerHTML =
      '<style>:root { --wire: #64748b } .line { stroke: var(--wire); stroke-width: 1.5px; fill: none }' +
      ' .label { fill: rgb(15, 23, 42); font-size: 14px; font-weight: 600 } .gone { display: none }</style>';
    document.body.innerHTML =
      '<div style="background: rgb(250, 250, 250)"><svg role="img" aria-label="A drawing" viewBox="0 0 200 100">' +
      '<path class="line" d="M0,0L10,10"/><text class="label" x="5" y="20">forget gate</text>' +
      '<rect class="gone" width="5" height="5"/></svg></div>';
    const svg = document.querySelector('svg')!;
    const doc = parseSvg(svgMarkup(svg));
    const root = doc.documentElement;
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    // Not laid out in jsdom: the size is the viewBox's.
    expect([root.getAttribute('width'), root.getAttribute('height')]).toEqual(['200', '100']);
    expect(root.querySelector('title')?.textContent).toBe('A drawing');
    const background = root.querySelector('rect')!;
    expect(background.getAttribute('fill')).toBe('rgb(250,250,250)');
    const path = root.querySelector('path')!;
    expect(path.getAttribute('stroke')).toBe('#64748b');
    expect(path.getAttribute('stroke-width')).toBe('1.5');
    expect(path.getAttribute('fill')).toBe('none');
    const text = root.querySelector('text')!;
    expect(text.textContent).toBe('forget gate');
    expect(text.getAttribute('font-weight')).toBe('600');
    expect(text.getAttribute('font-size')).toBe('14');
    expect(root.querySelectorAll('rect')).toHaveLength(1);
    // The page is untouched.
    expect(svg.querySelector('path')!.hasAttribute('stroke')).toBe(false);
  });

  it('exports the LSTM diagram as a parseable SVG holding its text', () => {
    render(<CellDiagram paneId="A" />);
    const svg = screen.getByRole('img', { name: 'LSTM cell diagram, step 1' });
    const markup = svgMarkup(svg as unknown as SVGSVGElement, { background: '#ffffff' });
    expect(markup.startsWith('<?xml')).toBe(true);
    const doc = parseSvg(markup);
    const text = doc.documentElement.textContent ?? '';
    for (const words of ['forget gate', 'input gate', 'output gate', 'candidate']) {
      expect(text).toContain(words);
    }
    expect(doc.documentElement.getAttribute('viewBox')).toBe(svg.getAttribute('viewBox'));
  });

  it('adds a footer under the drawing and grows the picture to hold it', () => {
    document.body.innerHTML = '<svg viewBox="0 0 100 50"><circle r="3"/></svg>';
    const doc = parseSvg(
      svgMarkup(document.querySelector('svg')!, {
        background: '#fff',
        footer: { markup: '<text y="10">key</text>', height: 20 },
      }),
    );
    const root = doc.documentElement;
    expect(root.getAttribute('viewBox')).toBe('0 0 100 70');
    expect(root.getAttribute('height')).toBe('70');
    expect(root.lastElementChild?.getAttribute('transform')).toBe('translate(0,50)');
    expect(root.lastElementChild?.textContent).toBe('key');
  });

  it('keeps the file parseable when the text holds characters XML forbids', () => {
    document.body.innerHTML = '<svg viewBox="0 0 10 10"><text>a</text></svg>';
    document.querySelector('text')!.textContent = 'a\u0001b<&>';
    const doc = parseSvg(svgMarkup(document.querySelector('svg')!, { background: '#fff' }));
    expect(doc.querySelector('text')?.textContent).toBe('a\uFFFDb<&>');
  });

  it('grows the picture to hold what the drawing puts above its viewBox, and a title over it', () => {
    document.body.innerHTML =
      '<svg viewBox="0 0 100 50"><text y="-6">h</text><circle cx="50" cy="25" r="3"/></svg>';
    const svg = document.querySelector('svg')!;
    // jsdom does not lay out: the browser's measure of the drawing, a label 16 units above.
    svg.getBBox = () => ({ x: 10, y: -16, width: 80, height: 60 }) as DOMRect;
    const doc = parseSvg(
      svgMarkup(svg, {
        background: '#fff',
        header: { markup: '<text y="14">A — LSTM · step 3 of 5 · unit 1 of 8</text>', height: 20 },
      }),
    );
    const root = doc.documentElement;
    // 4 units of margin above the label, then the 20-unit title band.
    expect(root.getAttribute('viewBox')).toBe('0 -40 100 90');
    expect(root.getAttribute('height')).toBe('90');
    const title = root.lastElementChild!;
    expect(title.getAttribute('transform')).toBe('translate(0,-40)');
    expect(title.textContent).toBe('A — LSTM · step 3 of 5 · unit 1 of 8');
  });
});
