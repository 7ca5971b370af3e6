// @vitest-environment jsdom
import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, it, vi } from 'vitest';
import { typeset, typesetInto, warmShapes } from '../../../src/views/equations/typeset';

/** KaTeX's own output for a string, as the page would get it typeset afresh. */
function fresh(latex: string): string {
  const holder = document.createElement('span');
  katex.render(latex, holder, { trust: false, throwOnError: false, output: 'htmlAndMathml' });
  return holder.innerHTML;
}

function reused(latex: string): string {
  const holder = document.createElement('span');
  holder.replaceChildren(...typeset(latex));
  return holder.innerHTML;
}

/** Lines as the equations print them, with a step, a unit and numbers in. */
const line = (t: string, j: string, a: string, b: string) =>
  `f_{${t}}[${j}]{}={}\\sigma(${a}{}+{}${b}) {}={} \\textcolor{#1f77b4}{W_{if}} ${b} \\times 10^{-${t.at(-1)}}`;

describe('typeset: one KaTeX run per shape, the digits rewritten', () => {
  const renders = vi.spyOn(katex, 'render');

  it('gives exactly KaTeX’s output for lines that differ only in their digits', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999 }))
      .map(([negative, whole, frac]) => `${negative ? '-' : ''}${whole}.${frac}`);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 1, max: 64 }),
        decimal,
        decimal,
        (t, j, a, b) => {
          const latex = line(String(t), String(j), a, b);
          // Typeset a sibling of the same shape first, so this one is a rewrite.
          const other = (s: string) => s.replace(/\d/g, (d) => String((Number(d) + 7) % 10));
          typeset(line(other(String(t)), other(String(j)), other(a), other(b)));
          const calls = renders.mock.calls.length;
          const html = reused(latex);
          expect(renders.mock.calls.length, 'typeset again instead of reused').toBe(calls);
          expect(html).toBe(fresh(latex));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps colours: a hex colour’s digits are not rewritten', () => {
    typeset('\\textcolor{#d62728}{x_{1}}');
    const html = reused('\\textcolor{#d62728}{x_{5}}');
    expect(html).toBe(fresh('\\textcolor{#d62728}{x_{5}}'));
    expect(html).toContain('#d62728');
  });

  it('typesets afresh when a digit sizes something instead of being text', () => {
    typeset('a\\kern{1mu}b_{2}');
    const latex = 'a\\kern{9mu}b_{7}';
    expect(reused(latex)).toBe(fresh(latex));
  });

  it('puts the real source in the MathML annotation read by screen readers', () => {
    typeset('h_{3}');
    const holder = document.createElement('span');
    holder.replaceChildren(...typeset('h_{42}'));
    expect(holder.querySelector('annotation')?.textContent).toBe('h_{42}');
    expect(holder.querySelector('.katex-mathml')?.textContent).toContain('42');
  });

  it('typesetInto rewrites the digits where they stand when only digits changed', () => {
    const element = document.createElement('span');
    typesetInto(element, line('9', '3', '0.25', '-1.5'));
    const node = element.firstChild;
    const calls = renders.mock.calls.length;
    const next = line('8', '4', '0.75', '-2.5');
    typesetInto(element, next);
    expect(element.firstChild, 'the same nodes, rewritten').toBe(node);
    expect(renders.mock.calls.length).toBe(calls);
    expect(element.innerHTML).toBe(fresh(next));
    // A new shape is typeset anew.
    const longer = line('10', '4', '0.75', '-2.5');
    typesetInto(element, longer);
    expect(element.innerHTML).toBe(fresh(longer));
    // ... and its digits are then rewritten where they stand, as the first shape's were.
    const after = line('12', '5', '0.25', '-3.5');
    const longerNode = element.firstChild;
    typesetInto(element, after);
    expect(element.firstChild).toBe(longerNode);
    expect(element.innerHTML).toBe(fresh(after));
    typesetInto(element, next);
    expect(element.innerHTML).toBe(fresh(next));
  });

  it('warmShapes typesets each new shape once, so that showing one later runs no KaTeX', () => {
    const warm = [line('31', '123', '0.125', '-7.5'), line('47', '456', '0.375', '-1.5')];
    expect(warmShapes(warm), 'two lines of one shape: one KaTeX run').toBe(1);
    expect(warmShapes(warm), 'kept').toBe(0);
    const calls = renders.mock.calls.length;
    const shown = line('52', '789', '0.625', '-3.5');
    expect(reused(shown)).toBe(fresh(shown));
    // fresh() is the one KaTeX run here.
    expect(renders.mock.calls.length).toBe(calls + 1);
  });
});
