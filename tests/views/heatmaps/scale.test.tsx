// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { gateColor, signedColor, symmetricColor } from '../../../src/views/colors';
import {
  formatRange,
  heatmapPixels,
  heatmapScaleFor,
  maxAbs,
} from '../../../src/views/heatmaps/scale';
import { largestMagnitude, pixelAt, rgbOf, traceOn } from './support';

const TEXT = 'hello world';
const lstm = traceOn(TEXT, { cell: 'lstm', hiddenSize: 8, numLayers: 1 });
const gates = lstm.layers[0]!.gates;
const T = lstm.T;
const H = 8;

/** Every cell's pixel against the colours.ts colour of its value, within `tolerance`. */
function expectPixelsMatch(
  rows: readonly ArrayLike<number>[],
  pixels: Uint8ClampedArray,
  color: (v: number) => string,
  tolerance: number,
) {
  let worst = 0;
  for (let t = 0; t < T; t++) {
    for (let j = 0; j < H; j++) {
      const [r, g, b, a] = pixelAt(pixels, T, t, j);
      const want = rgbOf(color(rows[t]![j]!));
      expect(a).toBe(255);
      worst = Math.max(
        worst,
        Math.abs(r! - want[0]),
        Math.abs(g! - want[1]),
        Math.abs(b! - want[2]),
      );
    }
  }
  expect(worst).toBeLessThanOrEqual(tolerance);
}

describe('heatmapPixels', () => {
  it('paints f at (t=3, j=2) in gateColor(f) exactly, at byte 4·(j·T + t)', () => {
    const f = gates.f!;
    const pixels = heatmapPixels(f, T, H, heatmapScaleFor('f', f));
    expect(pixels).toHaveLength(4 * T * H);
    expect(pixelAt(pixels, T, 3, 2)).toEqual([...rgbOf(gateColor(f[3]![2]!)), 255]);
    expectPixelsMatch(f, pixels, (v) => gateColor(v), 0);
  });

  it('repaints a kept image in place: every pixel of it, none left from the last picture', () => {
    const f = gates.f!;
    const kept = new Uint8ClampedArray(4 * T * H).fill(7); // a previous picture's bytes
    const written = heatmapPixels(f, T, H, heatmapScaleFor('f', f), kept);
    expect(written).toBe(kept);
    expect(written).toEqual(heatmapPixels(f, T, H, heatmapScaleFor('f', f)));
    // An image of another size is not written into: the picture gets its own array.
    const small = new Uint8ClampedArray(4);
    expect(heatmapPixels(f, T, H, heatmapScaleFor('f', f), small)).not.toBe(small);
    expect(small).toEqual(new Uint8ClampedArray(4));
  });

  it.each(['i', 'o'])('paints the sigmoid gate %s in gateColor exactly', (name) => {
    const rows = gates[name]!;
    expectPixelsMatch(rows, heatmapPixels(rows, T, H, heatmapScaleFor(name, rows)), gateColor, 0);
  });

  it.each(['g', 'h'])('paints the tanh-range %s in signedColor (within 1/255)', (name) => {
    const rows = gates[name]!;
    const pixels = heatmapPixels(rows, T, H, heatmapScaleFor(name, rows));
    expectPixelsMatch(rows, pixels, (v) => signedColor(v), 1);
  });

  it('paints every tanh-range value in [−1, 1] within 1/255 of signedColor', () => {
    // A sweep finer than the lookup table, so every entry and every boundary between two
    // entries is hit: one unit, 8001 steps from −1 to 1.
    const steps = 8001;
    const rows = Array.from({ length: steps }, (_, t) =>
      Float64Array.of((2 * t) / (steps - 1) - 1),
    );
    const pixels = heatmapPixels(rows, steps, 1, heatmapScaleFor('g', rows));
    let worst = 0;
    for (let t = 0; t < steps; t++) {
      const got = pixelAt(pixels, steps, t, 0);
      const want = rgbOf(signedColor(rows[t]![0]!));
      for (let k = 0; k < 3; k++) worst = Math.max(worst, Math.abs(got[k]! - want[k]!));
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('paints c in symmetricColor(max |c|) (within 1/255), the extreme cell at full colour', () => {
    const c = gates.c!;
    const m = largestMagnitude(c);
    const pixels = heatmapPixels(c, T, H, heatmapScaleFor('c', c));
    expectPixelsMatch(c, pixels, (v) => symmetricColor(m)(v), 1);
    const flat = c.flatMap((row, t) => Array.from(row, (v, j) => ({ v, t, j })));
    const extreme = flat.find((e) => Math.abs(e.v) === m)!;
    const end = rgbOf(symmetricColor(m)(Math.sign(extreme.v) * m));
    const got = pixelAt(pixels, T, extreme.t, extreme.j).slice(0, 3);
    got.forEach((channel, k) => expect(Math.abs(channel - end[k]!)).toBeLessThanOrEqual(1));
  });

  it('paints GRU and RNN quantities in their scales', () => {
    const gru = traceOn(TEXT, { cell: 'gru', hiddenSize: 8, numLayers: 1 }).layers[0]!.gates;
    const z = gru.z!;
    expectPixelsMatch(z, heatmapPixels(z, T, H, heatmapScaleFor('z', z)), gateColor, 0);
    const n = gru.n!;
    expectPixelsMatch(n, heatmapPixels(n, T, H, heatmapScaleFor('n', n)), signedColor, 1);
    const rnn = traceOn(TEXT, { cell: 'rnn', hiddenSize: 8, numLayers: 1, nonlinearity: 'relu' })
      .layers[0]!.gates;
    for (const name of ['pre', 'h']) {
      const rows = rnn[name]!;
      const scale = heatmapScaleFor(name, rows, 'relu');
      const m = largestMagnitude(rows);
      expectPixelsMatch(rows, heatmapPixels(rows, T, H, scale), symmetricColor(m), 1);
    }
  });

  it('clamps values outside the domain to the end colours and greys out NaN', () => {
    const rows = [[-3, 2, NaN, 0.5]];
    const pixels = heatmapPixels(rows, 1, 4, heatmapScaleFor('g', rows));
    expect(pixelAt(pixels, 1, 0, 0).slice(0, 3)).toEqual(rgbOf(signedColor(-1)));
    expect(pixelAt(pixels, 1, 0, 1).slice(0, 3)).toEqual(rgbOf(signedColor(1)));
    expect(pixelAt(pixels, 1, 0, 2)).toEqual([128, 128, 128, 255]);
  });
});

describe('heatmapScaleFor', () => {
  const kinds = (cell: 'lstm' | 'gru' | 'rnn', nonlinearity: 'tanh' | 'relu' = 'tanh') => {
    const g = traceOn(TEXT, { cell, hiddenSize: 8, numLayers: 1, nonlinearity }).layers[0]!.gates;
    return Object.fromEntries(
      Object.entries(g).map(([name, rows]) => [
        name,
        heatmapScaleFor(name, rows, nonlinearity).kind,
      ]),
    );
  };

  it('chooses each quantity’s scale by its meaning', () => {
    expect(kinds('lstm')).toEqual({
      i: 'gate',
      f: 'gate',
      g: 'signed',
      o: 'gate',
      c: 'symmetric',
      h: 'signed',
    });
    expect(kinds('gru')).toEqual({ r: 'gate', z: 'gate', n: 'signed', h: 'signed' });
    expect(kinds('rnn')).toEqual({ pre: 'symmetric', h: 'signed' });
    expect(kinds('rnn', 'relu')).toEqual({ pre: 'symmetric', h: 'symmetric' });
  });

  it('states fixed ranges for bounded values and max |value| for c', () => {
    expect(heatmapScaleFor('f', gates.f!)).toMatchObject({ domain: [0, 1], rangeLabel: '0 to 1' });
    expect(heatmapScaleFor('h', gates.h!)).toMatchObject({
      domain: [-1, 1],
      rangeLabel: '−1 to 1',
    });
    const m = largestMagnitude(gates.c!);
    const c = heatmapScaleFor('c', gates.c!);
    expect(c.domain).toEqual([-m, m]);
    expect(c.maxAbs).toBe(m);
    expect(c.rangeLabel).toBe(`±${Number(m.toPrecision(3))}`);
  });

  it('falls back to ±1 for an all-zero quantity, like symmetricColor', () => {
    const zeros = [new Float64Array(3), new Float64Array(3)];
    expect(maxAbs(zeros)).toBe(0);
    expect(heatmapScaleFor('c', zeros)).toMatchObject({ domain: [-1, 1], maxAbs: 0 });
  });

  it('formats ranges with three significant digits', () => {
    expect(formatRange(2.3749)).toBe('2.37');
    expect(formatRange(0.0123456)).toBe('0.0123');
    expect(formatRange(12.345)).toBe('12.3');
    expect(formatRange(1234.5)).toBe('1235');
    expect(formatRange(1)).toBe('1');
  });
});
