import { line } from 'd3-shape';
import { describe, expect, it } from 'vitest';
import { polylinePath } from '../../../src/views/diagram/Wire';

describe('polylinePath', () => {
  it('writes the path d3-shape’s line() writes for the same points', () => {
    const d3Line = line<{ x: number; y: number }>(
      (p) => p.x,
      (p) => p.y,
    );
    const cases = [
      [{ x: 10, y: 20 }],
      [
        { x: 0, y: 0 },
        { x: 12.5, y: -3.25 },
        { x: 140, y: 0.1 + 0.2 },
      ],
    ];
    for (const points of cases) expect(polylinePath(points)).toBe(d3Line(points));
    expect(polylinePath([])).toBe('');
  });
});
