/**
 * The property of issue #13: every hash either opens the scene it says, or the notice
 * names each setting the page shows otherwise. Valid links are damaged the ways links get
 * damaged (one character changed, dropped or added, a hostile value, a pair added, a
 * second '#', one character of a compressed text changed), then decoded; an oracle written
 * here reads the damaged hash itself and checks every setting of the opened scene.
 */
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { TASK_PARAMS } from '../../src/engine';
import {
  defaultSnapshot,
  PANE_FIELDS,
  SCENE_FIELDS,
  type SceneField,
} from '../../src/io/sceneSchema';
import { decodeScene, encodeScene, type DecodedScene } from '../../src/io/sceneUrl';
import { LESSONS } from '../../src/lessons/lessons';
import { LESSON_STOPS } from '../../src/lessons/navigate';
import { parseNumbers, type SceneSnapshot } from '../../src/scene';
import { sceneArb, textArb } from './support';

/** Figures of one run: cases decoded, notices shown, settings changed without a word. */
const figures = { tried: 0, notices: 0, silent: 0 };

/** One `key=value` of a hash as this oracle reads it (the first of each key counts). */
interface Part {
  raw: string;
  key: string | null;
  value: string | null;
}

/** decodeURIComponent with '+' read as a space, as forms write it; null when broken. */
function unescape(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** The hash's non-empty parts, each split at its first '='. */
function partsOf(hash: string): Part[] {
  return hash
    .split('&')
    .filter((raw) => raw !== '')
    .map((raw) => {
      const at = raw.indexOf('=');
      if (at < 0) return { raw, key: null, value: null };
      return { raw, key: unescape(raw.slice(0, at)), value: unescape(raw.slice(at + 1)) };
    });
}

/** The words a notice names a setting of the schema by: its label, and its model's letter. */
function wordsFor(key: string): string[] {
  if (key === 'tz') return ['input text (tz)'];
  if (key === 'nz') return ['input numbers (nz)'];
  if (key === 'v') return ['version'];
  const pane = /^([ABC])\.(.+)$/.exec(key);
  const paneRow = pane && PANE_FIELDS.find((f) => f.key === pane[2]);
  if (pane && paneRow) return [paneRow.label, `model ${pane[1]}`];
  const row = SCENE_FIELDS.find((f) => f.key === key);
  if (!row) throw new Error(`no setting '${key}'`);
  return [row.label];
}

/**
 * Every way the opened scene departs from what `hash` says that the notice does not name.
 * `original` is the scene the undamaged link held: a compressed text can only be checked
 * against the text it was made from.
 */
function silentChanges(hash: string, decoded: DecodedScene, original: SceneSnapshot): string[] {
  const { scene, problems, changed } = decoded;
  const out: string[] = [];
  const truncated = problems.at(-1)?.startsWith('… and ') ?? false;
  /** True when the notice names `key`, in `words` (by default, the setting's). */
  const named = (key: string, words = wordsFor(key)) =>
    changed.includes(key) && (truncated || problems.some((p) => words.every((w) => p.includes(w))));
  const need = (key: string, why: string, words?: string[]) => {
    if (!named(key, words)) out.push(`${key}: ${why}, not named`);
  };
  /** A key the notice quotes as written (cut after 32 characters). */
  const quoted = (key: string) => [Array.from(key).slice(0, 32).join('')];

  out.push(...unsettled(scene));
  const parts = partsOf(hash);
  const first = new Map<string, Part>();
  for (const part of parts) {
    if (part.key === null) need(part.raw, 'unreadable part', quoted(part.raw));
    else if (first.has(part.key)) need(part.key, 'repeated key', quoted(part.key));
    else first.set(part.key, part);
  }
  const version = first.get('v');
  if (version === undefined) need('v', 'no version');
  else if (version.value !== '1') {
    need('v', 'another version');
    if (!isDeepStrictEqual(scene, defaultSnapshot())) out.push('v: another version, not default');
    return out;
  }
  first.delete('v');

  /** One setting: what the hash says of it (or its default when silent) against the scene. */
  const compare = <T>(
    key: string,
    row: { codec: SceneField<T>['codec']; fallback: T },
    shown: T,
  ) => {
    const part = first.get(key);
    first.delete(key);
    if (part === undefined) {
      if (!isDeepStrictEqual(shown, row.fallback)) need(key, 'absent, yet not its default');
      return;
    }
    const said = part.value === null ? undefined : row.codec.parse(part.value);
    if (said === undefined) need(key, `unreadable '${part.raw.slice(0, 20)}'`);
    else if (!isDeepStrictEqual(said, shown)) need(key, `says ${String(said)}, shows another`);
  };

  for (const row of SCENE_FIELDS) {
    if (row.compressedKey === undefined) {
      compare(row.key, row, row.get(scene));
      continue;
    }
    // The text (tz) and the numbers (nz): the compressed form wins when both are there, and
    // can only be what the original link held, or be named.
    const tz = first.get(row.compressedKey);
    first.delete(row.compressedKey);
    if (tz === undefined) compare(row.key, row, row.get(scene));
    else {
      if (first.has(row.key) && !named(row.key) && !named(row.compressedKey))
        out.push(`${row.key} and ${row.compressedKey} both given, neither named`);
      first.delete(row.key);
      if (row.get(scene) !== row.get(original)) need(row.compressedKey, 'another value shown');
    }
  }
  for (const pane of scene.panes) {
    for (const row of PANE_FIELDS) compare(`${pane.id}.${row.key}`, row, row.get(pane));
  }
  for (const key of first.keys()) need(key, 'not a setting of this scene', quoted(key));
  return out;
}

/** What the views would still change: each scene value must be one the page shows as is. */
function unsettled(scene: SceneSnapshot): string[] {
  const out: string[] = [];
  const { input } = scene;
  if (input.kind === 'task') {
    const { min, max } = TASK_PARAMS[input.task].length;
    if (input.length < min || input.length > max) out.push(`len ${input.length} not run`);
  }
  const T =
    input.kind === 'text'
      ? Array.from(input.text).length
      : input.kind === 'numbers'
        ? parseNumbers(input.numbers).rows.length
        : input.length;
  if (scene.t < 1 || scene.t > T) out.push(`t ${scene.t} outside 1..${T}`);
  // An imported model's size is known only once it is here: the store clamps then.
  if (!scene.panes.some((p) => p.imported !== '')) {
    if (scene.unit >= Math.max(...scene.panes.map((p) => p.hiddenSize))) out.push('unit past all');
    if (scene.layer >= Math.max(...scene.panes.map((p) => p.numLayers))) out.push('layer past all');
  }
  const lesson = LESSONS.find((l) => l.id === scene.lesson);
  if (scene.lesson !== '' && !lesson) out.push(`lesson ${scene.lesson} does not exist`);
  if (scene.stop >= (lesson?.stops.length ?? 1)) out.push(`stop ${scene.stop + 1} not shown`);
  return out;
}

/** Decodes as the app does, counts, and returns the silent changes. */
function check(hash: string, original: SceneSnapshot): string[] {
  const decoded = decodeScene(hash, LESSON_STOPS);
  const silent = silentChanges(hash, decoded, original);
  figures.tried++;
  if (decoded.problems.length > 0) figures.notices++;
  figures.silent += silent.length;
  return silent;
}

const BASE64URL_AND_CHECK = 'AQgz09-_.';
/** Characters a damaged link may hold in place of one of its own. */
const DAMAGE = fc.constantFrom(...'aZ09=&%#+.-_~é 🎉', 'A', 'q', '1', '5', '\u0000');
/** Values a hand-edited or hostile link may give any setting. */
const HOSTILE = fc.constantFrom(
  '',
  '0',
  '-1',
  '1',
  '1.5',
  '2',
  '20',
  '64',
  '65',
  '100',
  '2000',
  '2001',
  '99999',
  '1e3',
  'NaN',
  'Infinity',
  'abc',
  'gru',
  'task',
  'parity',
  'AB',
  'conveyor-belt',
  'nonexistent',
  '%E0',
);
/** Pairs a link may gain, the ones issue #13 found shown otherwise among them. */
const ADDED = fc.constantFrom(
  'text=abc',
  'stop=20',
  'lesson=nonexistent',
  'lesson=conveyor-belt&stop=20',
  'unit=64',
  'layer=3',
  'in=task&task=parity&len=1',
  'in=task&task=remember-first&len=2000',
  't=2000',
  'tz=CYQwLiDmB0Cm',
  'panes=ABC',
  'v=1',
  'A.hidden=2&unit=9',
  'lesson=stacked',
  'in=numbers&nums=1,2%0A3,x',
  'nums=1%0A2%0A3&t=3',
  'nz=CYQwLiDmB0Cm',
);
/** Every key the schema knows, pane keys under each letter, and the compressed text's. */
const KEYS = fc.constantFrom(
  'v',
  'tz',
  'nz',
  ...SCENE_FIELDS.map((f) => f.key),
  ...['A', 'B', 'C'].flatMap((id) => PANE_FIELDS.map((f) => `${id}.${f.key}`)),
);

/** One kind of damage, as a function of the hash. */
const damageArb: fc.Arbitrary<(hash: string) => string> = fc.oneof(
  fc.tuple(fc.nat(), DAMAGE).map(([n, ch]) => (h: string) => {
    const at = n % h.length;
    return h.slice(0, at) + ch + h.slice(at + 1);
  }),
  fc.nat().map((n) => (h: string) => {
    const at = n % h.length;
    return h.slice(0, at) + h.slice(at + 1);
  }),
  fc.tuple(fc.nat(), DAMAGE).map(([n, ch]) => (h: string) => {
    const at = n % (h.length + 1);
    return h.slice(0, at) + ch + h.slice(at);
  }),
  fc.tuple(KEYS, HOSTILE, fc.boolean()).map(([key, value, first]) => (h: string) => {
    const pairs = h.split('&').filter((p) => !p.startsWith(`${key}=`));
    if (first) pairs.splice(1, 0, `${key}=${value}`);
    else pairs.push(`${key}=${value}`);
    return pairs.join('&');
  }),
  ADDED.map((pair) => (h: string) => `${h}&${pair}`),
  fc.constant((h: string) => `#${h}`),
);

/** A valid scene whose text is long enough to be written compressed (tz). */
const longTextSceneArb = fc
  .tuple(sceneArb, textArb(400), fc.constantFrom(60, 200, 400))
  .map(([scene, text, words]) => ({
    ...scene,
    input: {
      ...scene.input,
      kind: 'text' as const,
      text: `${text} ${'the gate '.repeat(words)}`.slice(0, 2000),
    },
    t: 1,
  }));

describe('every link opens as it says, or the notice names each setting shown otherwise', () => {
  it('valid links, damaged in any of six ways (600 cases)', () => {
    fc.assert(
      fc.property(fc.oneof(sceneArb, longTextSceneArb), damageArb, (scene, damage) => {
        const hash = damage(encodeScene(scene));
        expect(check(hash, scene), hash.slice(0, 300)).toEqual([]);
      }),
      { numRuns: 600, seed: 13 },
    );
  });

  it('one character of a compressed text changed (600 cases)', () => {
    let refused = 0;
    fc.assert(
      fc.property(
        longTextSceneArb,
        fc.nat(),
        fc.constantFrom(...BASE64URL_AND_CHECK),
        (scene, n, ch) => {
          const hash = encodeScene(scene);
          const start = hash.indexOf('tz=') + 3;
          const end = hash.indexOf('&', start) < 0 ? hash.length : hash.indexOf('&', start);
          expect(start).toBeGreaterThan(2);
          const at = start + (n % (end - start));
          fc.pre(hash[at] !== ch);
          const damaged = hash.slice(0, at) + ch + hash.slice(at + 1);
          expect(check(damaged, scene), damaged.slice(0, 300)).toEqual([]);
          if (decodeScene(damaged, LESSON_STOPS).changed.includes('tz')) refused++;
        },
      ),
      { numRuns: 600, seed: 1313 },
    );
    // All but the rare change to the unused bits of the last character.
    expect(refused).toBeGreaterThan(550);
  });

  it('counted at least 1000 cases, with notices, and no silent change', () => {
    expect(figures.tried).toBeGreaterThanOrEqual(1000);
    expect(figures.notices).toBeGreaterThan(figures.tried / 2);
    expect(figures.silent).toBe(0);
  });
});
