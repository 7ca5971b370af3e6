/**
 * A pane's interventions in the link (`A.iv=f:3:25:0,h:*:10-60:0`): one item per
 * intervention, separated by commas, each `[<layer>[r]/]<gate>:<unit or *>:<step>[-<step>]:<value>`
 * with layer, unit and steps counted from 1 as the page shows them (`r`: the reverse
 * direction of a bidirectional layer; the layer is left out for layer 1, forward). Read
 * strictly: a malformed item refuses the whole list (the link's notice names it), and
 * what is read is then checked against the pane's model by `settleScene`.
 */
import { LIMITS, MAX_INTERVENTIONS } from '../scene';
import { MAX_HIDDEN_SIZE, MAX_LAYERS, type Intervention } from '../engine';
import type { Codec } from './codecs';

/** Every name some cell lets an intervention clamp (which ones a pane's cell takes is checked later). */
const NAMES = new Set(['i', 'f', 'g', 'o', 'c', 'h', 'r', 'z', 'n']);
/** Values are written in full; their size is bounded so that a tampered one stays readable. */
const MAX_ABS_VALUE = 1e6;
const ITEM =
  /^(?:(\d{1,3})(r?)\/)?([a-z]):(\*|\d{1,5}):(\d{1,6})(?:-(\d{1,6}))?:([-+0-9.e]{1,40})$/i;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

const within = (n: number, max: number) => Number.isInteger(n) && n >= 1 && n <= max;

/** One item read, or why not. */
function readItem(raw: string): Intervention | string {
  const m = ITEM.exec(raw);
  if (!m) return `“${raw}” is not gate:unit:step:value`;
  const [, layerText, reverse, gateText, unitText, fromText, toText, valueText] = m;
  const layer = layerText === undefined ? 1 : Number(layerText);
  const gate = gateText!.toLowerCase();
  if (!within(layer, MAX_LAYERS)) return `“${raw}” names layer ${layer}`;
  if (!NAMES.has(gate)) return `“${raw}” names no gate (${[...NAMES].join(', ')})`;
  const unit = unitText === '*' ? undefined : Number(unitText);
  if (unit !== undefined && !within(unit, MAX_HIDDEN_SIZE)) return `“${raw}” names unit ${unit}`;
  const from = Number(fromText);
  const to = toText === undefined ? from : Number(toText);
  const T = LIMITS.sequenceLength.max;
  if (!within(from, T) || !within(to, T) || to < from) return `“${raw}” has steps out of order`;
  const value = DECIMAL.test(valueText!) ? Number(valueText) : NaN;
  if (!(Math.abs(value) <= MAX_ABS_VALUE)) return `“${raw}” has no value in ±${MAX_ABS_VALUE}`;
  return {
    layer: layer - 1,
    ...(reverse ? { direction: 1 as const } : {}),
    gate,
    ...(unit === undefined ? {} : { unit: unit - 1 }),
    from: from - 1,
    to: to - 1,
    value: value + 0,
  };
}

/** The whole list read, or why not. */
function readList(raw: string): readonly Intervention[] | string {
  if (raw === '') return [];
  const items = raw.split(',');
  if (items.length > MAX_INTERVENTIONS) return `more than ${MAX_INTERVENTIONS} interventions`;
  const list: Intervention[] = [];
  for (const item of items) {
    const read = readItem(item);
    if (typeof read === 'string') return read;
    list.push(Object.freeze(read));
  }
  return Object.freeze(list);
}

/** One intervention as a link item. */
function writeItem(iv: Intervention): string {
  const reverse = iv.direction === 1 ? 'r' : '';
  const layer = iv.layer === 0 && !reverse ? '' : `${iv.layer + 1}${reverse}/`;
  const unit = iv.unit === undefined ? '*' : String(iv.unit + 1);
  const steps = iv.from === iv.to ? `${iv.from + 1}` : `${iv.from + 1}-${iv.to + 1}`;
  return `${layer}${iv.gate}:${unit}:${steps}:${String(iv.value)}`;
}

/** The link codec of `PaneSettings.interventions`. */
export const interventionList: Codec<readonly Intervention[]> = {
  expected: `up to ${MAX_INTERVENTIONS} items gate:unit:step:value (such as f:3:25:0), separated by commas`,
  parse: (raw) => {
    const read = readList(raw);
    return typeof read === 'string' ? undefined : read;
  },
  format: (list) => list.map(writeItem).join(','),
  describe: (list) => (list.length === 0 ? 'none' : `${list.length} interventions`),
  refusal: (raw) => {
    const read = readList(raw);
    return typeof read === 'string' ? read : '';
  },
};
