/**
 * The scene in the URL hash and back, by walking the schema table (`sceneSchema.ts`).
 * Decoding never throws: whatever a link holds (hand-edited, truncated by a mail client,
 * a newer version), each setting that cannot be read falls back to its default and adds
 * one sentence a teacher can act on.
 */
import type { Codec } from './codecs';
import { compressText, decompressText, MAX_COMPRESSED_LENGTH } from './compress';
import { settleScene, type LessonStops } from './settleScene';
import {
  COMPRESS_ABOVE,
  defaultSnapshot,
  PANE_FIELDS,
  SCENE_SCHEMA,
  SCHEMA_VERSION,
  VERSION_KEY,
  type SceneField,
  type SceneSnapshot,
} from './sceneSchema';
import { formatCount } from '../format/count';

/** A decoded hash: a complete, valid scene, and what could not be read. */
export interface DecodedScene {
  /** Every setting of the link that could be read; defaults for the rest. */
  scene: SceneSnapshot;
  /** One sentence per setting that could not be read; empty when the link was fine. */
  problems: string[];
  /**
   * The link's keys that `scene` does not hold as written (unreadable, changed to fit,
   * ignored), each named by a sentence of `problems`; empty when the link was fine.
   */
  changed: string[];
}

export type { LessonStops } from './settleScene';

/** Settings read from one hash at most; the rest are ignored (with a problem). */
export const MAX_PAIRS = 200;
/** Problems reported one by one; beyond, one sentence counts the rest. */
const MAX_PROBLEMS = 12;

/** Percent-encodes a value, leaving the readable `, : @ /` (allowed raw in a fragment). */
function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/%(2C|3A|40|2F)/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/**
 * The scene as a hash, without '#': `v=1&panes=AB&A.cell=gru&text=hi&t=2`. Settings at
 * their default are left out. Accepts the whole store state (only the snapshot is read).
 */
export function encodeScene(state: SceneSnapshot): string {
  const pairs: string[] = [`${VERSION_KEY}=${SCHEMA_VERSION}`];
  const write = <T>(key: string, codec: Codec<T>, value: T, fallback: T, zKey?: string) => {
    const text = codec.format(value);
    if (text === codec.format(fallback)) return;
    const plain = encodeValue(text);
    if (zKey !== undefined && plain.length > COMPRESS_ABOVE) {
      const packed = compressText(text);
      // Longer packed values are refused on the way in (MAX_COMPRESSED_LENGTH): write it plain.
      if (packed.length < plain.length && packed.length <= MAX_COMPRESSED_LENGTH) {
        pairs.push(`${zKey}=${packed}`);
        return;
      }
    }
    pairs.push(`${key}=${plain}`);
  };
  let panesWritten = false;
  for (const row of SCENE_SCHEMA) {
    if (row.scope === 'scene') {
      write(row.key, row.codec, row.get(state), row.fallback, row.compressedKey);
    } else if (!panesWritten) {
      panesWritten = true;
      for (const pane of state.panes) {
        for (const f of PANE_FIELDS) write(`${pane.id}.${f.key}`, f.codec, f.get(pane), f.fallback);
      }
    }
  }
  return pairs.join('&');
}

/**
 * A hash value for a message: [the value quoted and cut after 32 characters, a bracketed
 * note with its size when cut and `why`].
 */
function quoted(raw: string, why?: string): [string, string] {
  const chars = Array.from(raw);
  const size = chars.length > 32 ? `${formatCount(chars.length)} characters` : '';
  const text = chars.length > 32 ? `${chars.slice(0, 32).join('')}…` : raw;
  const note = [size, why].filter(Boolean).join('; ');
  return [`'${text}'`, note ? `(${note})` : ''];
}

/** A value quoted for a message, with its note. */
function shown(raw: string, why?: string): string {
  return quoted(raw, why).filter(Boolean).join(' ');
}

/**
 * Problems of one decode: at most MAX_PROBLEMS sentences, then one that counts the rest;
 * and the link keys they are about.
 */
class Problems {
  readonly list: string[] = [];
  readonly keys = new Set<string>();
  private dropped = 0;
  /** One sentence, about the link keys `keys` (none for a part that has no key). */
  add(sentence: string, ...keys: string[]): void {
    for (const key of keys) this.keys.add(key);
    if (this.list.length < MAX_PROBLEMS) this.list.push(sentence);
    else this.dropped++;
  }
  done(): Omit<DecodedScene, 'scene'> {
    if (this.dropped > 0) this.list.push(`… and ${this.dropped} more settings could not be read.`);
    return { problems: this.list, changed: [...this.keys] };
  }
}

/** decodeURIComponent, reading '+' as a space as forms do; null for broken percent-encoding. */
function decodePart(part: string): string | null {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** One `key=value` of a hash: the value as written, and percent-decoded (null if broken). */
interface Pair {
  raw: string;
  value: string | null;
}

/** A hash split into decoded pairs; reports pairs that are not key=value, broken keys, repeats. */
function readPairs(hash: string, problems: Problems): Map<string, Pair> {
  const pairs = new Map<string, Pair>();
  const repeated = new Set<string>();
  let parts = hash.split('&').filter((part) => part !== '');
  if (parts.length > MAX_PAIRS) {
    problems.add(`The link has ${parts.length} settings; only the first ${MAX_PAIRS} were read.`);
    parts = parts.slice(0, MAX_PAIRS);
  }
  for (const part of parts) {
    const at = part.indexOf('=');
    const key = at < 0 ? null : decodePart(part.slice(0, at));
    if (key === null) {
      const why = at < 0 ? 'a setting is written key=value' : 'broken percent-encoding';
      problems.add(`Could not read ${shown(part, why)}.`, part);
    } else if (pairs.has(key)) {
      if (!repeated.has(key))
        problems.add(`The setting ${shown(key)} appears more than once; used the first.`, key);
      repeated.add(key);
    } else {
      const raw = part.slice(at + 1);
      pairs.set(key, { raw, value: decodePart(raw) });
    }
  }
  return pairs;
}

/**
 * Reads a hash, the text after the address's '#' (a second '#' is part of the link, and
 * read as such), into a complete scene. Never throws: a setting that is missing takes its
 * default silently; one that is present but unreadable takes its default and adds a
 * problem ("Could not read the hidden size 'abc' of model B (expected a whole number from
 * 1 to 64); used 8."); one that is readable but cannot be shown beside the others (a step
 * past the end, a lesson that does not exist, see `settleScene`) is changed to what the
 * page shows, with a problem. A link of another version opens the default scene, with a
 * problem. `lessons` lists the lessons a link may open (unchecked without it).
 */
export function decodeScene(hash: string, lessons?: LessonStops): DecodedScene {
  const problems = new Problems();
  try {
    const scene = decodeInto(hash, problems);
    settleScene(scene, (key, sentence) => problems.add(sentence, key), lessons);
    return { scene, ...problems.done() };
  } catch {
    problems.add('Could not read the link; opened the default scene.');
    return { scene: defaultSnapshot(), ...problems.done() };
  }
}

/** What `read` makes of one setting: its value, or why the link's value was not used. */
type Reading<T> = { value: T } | { failed: string; raw: string } | undefined;

function decodeInto(hash: string, problems: Problems): SceneSnapshot {
  const scene = defaultSnapshot();
  if (hash.trim() === '') return scene;
  const pairs = readPairs(hash, problems);
  const version = pairs.get(VERSION_KEY);
  pairs.delete(VERSION_KEY);
  if (version === undefined) {
    problems.add(
      `The link has no version (v=${SCHEMA_VERSION}); read it as version ${SCHEMA_VERSION}.`,
      VERSION_KEY,
    );
  } else if (version.value !== String(SCHEMA_VERSION)) {
    problems.add(
      `This link is of version ${shown(version.value ?? version.raw)}, which this Gatescope cannot read (it reads version ${SCHEMA_VERSION}); opened the default scene.`,
      VERSION_KEY,
      ...pairs.keys(),
    );
    return scene;
  }

  /** The value of `key` read with `codec`: absent (undefined), a value, or a failure. */
  const readKey = <T>(key: string, codec: Codec<T>, unpack: boolean): Reading<T> => {
    const entry = pairs.get(key);
    pairs.delete(key);
    if (entry === undefined) return undefined;
    if (entry.value === null) return { failed: 'broken percent-encoding', raw: entry.raw };
    let text = entry.value;
    if (unpack) {
      const unpacked = decompressText(text);
      if ('problem' in unpacked) return { failed: unpacked.problem, raw: entry.raw };
      text = unpacked.text;
    }
    const value = codec.parse(text);
    if (value !== undefined) return { value };
    return { failed: codec.refusal?.(text) ?? `expected ${codec.expected}`, raw: text };
  };

  /**
   * One setting, from its key or (texts) its compressed key, which wins when both are
   * readable: the value, or undefined (absent, or unreadable), each key not used reported.
   */
  const read = <T>(key: string, row: FieldLike<T>, owner = '', zKey?: string): T | undefined => {
    const packed = zKey === undefined ? undefined : readKey(zKey, row.codec, true);
    const plain = readKey(key, row.codec, false);
    const used = packed && 'value' in packed ? packed : plain && 'value' in plain ? plain : null;
    const usedWords = (row.codec.describe ?? row.codec.format)(used ? used.value : row.fallback);
    const name = (k: string) =>
      k === zKey ? `the compressed ${row.label} (${k})` : `the ${row.label}`;
    for (const [k, reading] of [
      [zKey, packed],
      [key, plain],
    ] as const) {
      if (k === undefined || reading === undefined || reading === used) continue;
      if ('value' in reading) {
        problems.add(
          `Ignored ${name(k)}: the link also has it compressed (${zKey}), which was used.`,
          k,
        );
      } else {
        const [text, note] = quoted(reading.raw, reading.failed);
        problems.add(`Could not read ${name(k)} ${text}${owner} ${note}; used ${usedWords}.`, k);
      }
    }
    return used?.value;
  };

  let panesRead = false;
  for (const row of SCENE_SCHEMA) {
    if (row.scope === 'scene') {
      const value = read(row.key, row, '', row.compressedKey);
      if (value !== undefined) row.set(scene, value);
    } else if (!panesRead) {
      panesRead = true; // pane by pane, in the order they are written
      for (const pane of scene.panes) {
        for (const f of PANE_FIELDS) {
          const value = read(`${pane.id}.${f.key}`, f, ` of model ${pane.id}`);
          if (value !== undefined) f.set(pane, value);
        }
      }
    }
  }
  reportUnknown([...pairs.keys()], scene, problems);
  return scene;
}

/** What `read` needs of a row. */
type FieldLike<T> = Pick<SceneField<T>, 'label' | 'codec' | 'fallback'>;

/** One problem per key the table does not know. */
function reportUnknown(keys: string[], scene: SceneSnapshot, problems: Problems): void {
  const paneKeys = new Set(PANE_FIELDS.map((f) => f.key));
  const letters = scene.panes.map((p) => p.id).join('');
  for (const key of keys) {
    const match = /^([A-Z])\.(.+)$/.exec(key);
    if (match && paneKeys.has(match[2] ?? '')) {
      problems.add(
        `Ignored '${key}': the link has no model ${match[1]} (its models are panes=${letters}).`,
        key,
      );
    } else {
      problems.add(`Ignored ${shown(key)}: Gatescope has no such setting.`, key);
    }
  }
}
