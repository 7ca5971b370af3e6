import { rgb } from 'd3-color';
import type { Nonlinearity, Rows } from '../../engine';
import { gateColor, scaleKindOf, signedColor, symmetricColor, type ScaleKind } from '../colors';

/** How one heatmap turns values into colours, and what its legend states. */
export interface HeatmapScale {
  /** Which of the scales in ../colors it is. */
  readonly kind: ScaleKind;
  /** Values at the two ends of the colour bar: [0, 1], [−1, 1] or [−m, m]. */
  readonly domain: readonly [number, number];
  /** The CSS colour of a value, straight from ../colors (the legend and tooltip use it). */
  readonly color: (value: number) => string;
  /** The range in words for the legend: "0 to 1", "−1 to 1", "±2.37". */
  readonly rangeLabel: string;
  /** For a scale fitted to the trace (symmetric): the largest |value| it was fitted to. */
  readonly maxAbs?: number;
}

/** Entries of the diverging lookup table: fine enough that a channel is off by ≤ 1. */
const DIVERGING_STEPS = 4096;
/** Viridis in d3 is a ramp of 256 colours, so 256 entries reproduce it exactly. */
const GATE_STEPS = 256;

/** Colour of a value the scale cannot place (never produced by the engine). */
const UNKNOWN_RGB = [128, 128, 128] as const;

/** A number for a legend: three significant digits, no exponent for usual magnitudes. */
export function formatRange(m: number): string {
  if (m >= 1000) return m.toFixed(0);
  if (m >= 1e-3) return String(Number(m.toPrecision(3)));
  return m.toPrecision(2);
}

/** The largest |value| of a [T][H] quantity (0 when empty; NaN is ignored). */
export function maxAbs(rows: Rows): number {
  let m = 0;
  for (const row of rows) {
    for (let j = 0; j < row.length; j++) {
      const a = Math.abs(row[j] as number);
      if (a > m) m = a;
    }
  }
  return m;
}

/**
 * The scale of one quantity, chosen by its meaning: sigmoid gates (i f o r z) sequential on
 * [0, 1]; tanh-range values (g n h) diverging on [−1, 1]; unbounded ones (c, rnn `pre`, and
 * `h` of a relu RNN) diverging on [−m, m], m = max |value| of `rows` over the whole trace.
 */
export function heatmapScaleFor(
  name: string,
  rows: Rows,
  nonlinearity: Nonlinearity = 'tanh',
): HeatmapScale {
  const kind: ScaleKind = name === 'h' && nonlinearity === 'relu' ? 'symmetric' : scaleKindOf(name);
  if (kind === 'gate') {
    return { kind, domain: [0, 1], color: (v) => gateColor(v), rangeLabel: '0 to 1' };
  }
  if (kind === 'signed') {
    return { kind, domain: [-1, 1], color: (v) => signedColor(v), rangeLabel: '−1 to 1' };
  }
  const m = maxAbs(rows);
  // symmetricColor falls back to ±1 for an all-zero quantity; the legend says the same.
  const bound = m > 0 && Number.isFinite(m) ? m : 1;
  const scale = symmetricColor(bound);
  return {
    kind,
    domain: [-bound, bound],
    color: (v) => scale(v),
    rangeLabel: `±${formatRange(bound)}`,
    maxAbs: m,
  };
}

/**
 * The colours `at(0..steps−1)` as opaque RGBA bytes, read as 32-bit words: writing one
 * word per pixel into a Uint32Array view of the image keeps the byte order either way.
 */
function buildTable(steps: number, at: (k: number) => string): Uint32Array {
  const bytes = new Uint8ClampedArray(steps * 4);
  for (let k = 0; k < steps; k++) {
    const { r, g, b } = rgb(at(k));
    bytes.set([r, g, b, 255], 4 * k);
  }
  return new Uint32Array(bytes.buffer);
}

/**
 * Like {@link buildTable} over `steps` entries, but asking `at` for only `samples` + 1
 * colours, evenly spaced, and filling the entries between them linearly per channel. For
 * a smooth ramp (RdBu is a cubic B-spline through 11 colours) 257 samples stay within
 * half a channel step of the ramp, at a sixteenth of the cost: each colour d3 makes is
 * formatted as a string and parsed back, and 4096 of them held the page for tens of ms.
 */
function sampledTable(steps: number, samples: number, at: (u: number) => string): Uint32Array {
  const knots = Array.from({ length: samples + 1 }, (_, k) => rgb(at(k / samples)));
  const bytes = new Uint8ClampedArray(steps * 4);
  for (let k = 0; k < steps; k++) {
    const u = (k / (steps - 1)) * samples;
    const i = Math.min(samples - 1, Math.floor(u));
    const w = u - i;
    const a = knots[i]!;
    const b = knots[i + 1]!;
    bytes[4 * k] = a.r + (b.r - a.r) * w;
    bytes[4 * k + 1] = a.g + (b.g - a.g) * w;
    bytes[4 * k + 2] = a.b + (b.b - a.b) * w;
    bytes[4 * k + 3] = 255;
  }
  return new Uint32Array(bytes.buffer);
}

/** gateColor sampled at the centre of each of viridis's 256 bins. */
const GATE_TABLE = buildTable(GATE_STEPS, (k) => gateColor((k + 0.5) / GATE_STEPS));
/** signedColor over [−1, 1] in even steps; symmetricColor(m)(v) = signedColor(v / m). */
const DIVERGING_TABLE = sampledTable(DIVERGING_STEPS, 256, (u) => signedColor(2 * u - 1));
/** The word of {@link UNKNOWN_RGB}. */
const UNKNOWN_WORD = buildTable(1, () => `rgb(${UNKNOWN_RGB.join(',')})`)[0] as number;

/**
 * The RGBA image of a quantity: T columns (time, left to right) × H rows (units, top to
 * bottom), row-major, so pixel (t, j) starts at byte 4·(j·T + t). Colours are the scale's
 * (../colors) through a lookup table: exact for gates, within 1/255 per channel otherwise.
 * Writes every pixel of `into` when it has the image's length (4·T·H bytes; a canvas's
 * ImageData kept from the last paint, since fresh memory is slow on a small VM), else of a
 * new array; returns the image. About 1 ms for 2000 × 64 cells.
 */
export function heatmapPixels(
  rows: Rows,
  T: number,
  H: number,
  scale: HeatmapScale,
  into?: Uint8ClampedArray,
): Uint8ClampedArray {
  const pixels = into?.length === 4 * T * H ? into : new Uint8ClampedArray(4 * T * H);
  const words = new Uint32Array(pixels.buffer);
  const gate = scale.kind === 'gate';
  const table = gate ? GATE_TABLE : DIVERGING_TABLE;
  const [lo, hi] = scale.domain;
  // u = (v − lo) / (hi − lo) in [0, 1], then the table index: d3's ramp binning for the
  // gates (floor(u · 256)), the nearest sample for the diverging table.
  const top = table.length - 1;
  const k = gate ? table.length / (hi - lo) : top / (hi - lo);
  const offset = gate ? -lo * k : 0.5 - lo * k;
  for (let t = 0; t < T; t++) {
    const row = rows[t];
    for (let j = 0; j < H; j++) {
      const v = row ? (row[j] as number) : NaN;
      const x = Math.floor(v * k + offset);
      // NaN (never produced by the engine) fails both tests and shows grey.
      if (x >= 0) words[j * T + t] = table[Math.min(x, top)] as number;
      else if (x < 0) words[j * T + t] = table[0] as number;
      else words[j * T + t] = UNKNOWN_WORD;
    }
  }
  return pixels;
}
