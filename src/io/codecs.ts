/**
 * How one value of the scene is written in the URL hash and read back: each codec turns
 * a value into plain text (the caller percent-encodes it) and text back into a valid value,
 * or `undefined` when the text is not one. Codecs never throw.
 */
import { checkRange, type Range } from '../scene/limits';
import { DataInputError } from '../scene/dataErrors';
import { parseNumbers } from '../scene/numbers';

/**
 * Writes and reads one kind of value; `parse` validates as strictly as the store does.
 * Method signatures, so that a `Codec<number>` can stand in a table of `Codec<unknown>`.
 */
export interface Codec<T> {
  /** What a valid value looks like, for problem messages: "a whole number from 1 to 64". */
  readonly expected: string;
  /** The value read from decoded hash text, or undefined when the text is not a valid value. */
  parse(raw: string): T | undefined;
  /** The value as hash text (not yet percent-encoded); `parse(format(v))` equals v. */
  format(value: T): string;
  /** The value in words, for "used …" in problem messages; defaults to `format`. */
  describe?(value: T): string;
  /** Why `raw` was refused, when the codec can say more than `expected` (called after `parse` refused it). */
  refusal?(raw: string): string;
}

const INTEGER = /^[+-]?\d{1,16}$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
/** Longer number texts are refused before any regular expression runs. */
const MAX_NUMBER_TEXT = 40;
const isDecimal = (raw: string) => raw.length <= MAX_NUMBER_TEXT && DECIMAL.test(raw);

/** A whole number inside `range` (checked with the scene's `checkRange`); `shift` is added on the way out. */
export function int(range: Range, shift = 0): Codec<number> {
  const min = range.min + shift;
  const max = range.max + shift;
  return {
    expected: `a whole number from ${min} to ${max}`,
    parse: (raw) => {
      if (!INTEGER.test(raw)) return undefined;
      const n = Number(raw) - shift;
      return checkRange('', n, range, true) === null ? n : undefined;
    },
    format: (value) => String(value + shift),
  };
}

/** A decimal number inside `range`; written in JavaScript's shortest round-trip form. */
export function decimal(range: Range): Codec<number> {
  return {
    expected: `a number from ${range.min} to ${range.max}`,
    parse: (raw) => {
      if (!isDecimal(raw)) return undefined;
      const n = Number(raw);
      return checkRange('', n, range, false) === null ? n : undefined;
    },
    format: (value) => String(value),
  };
}

/** On/off, written 1 or 0 (true, false, on, off, yes and no are read too). */
export const bool: Codec<boolean> = {
  expected: '1 or 0',
  parse: (raw) => {
    const word = raw.toLowerCase();
    if (word === '1' || word === 'true' || word === 'on' || word === 'yes') return true;
    if (word === '0' || word === 'false' || word === 'off' || word === 'no') return false;
    return undefined;
  },
  format: (value) => (value ? '1' : '0'),
  describe: (value) => (value ? 'on' : 'off'),
};

/** "a, b or c". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** One key of a fixed list (read case-insensitively). */
export function oneOf<T extends string>(values: readonly T[]): Codec<T> {
  return {
    expected: listWords(values),
    parse: (raw) => values.find((v) => v === raw.toLowerCase()),
    format: (value) => value,
  };
}

/** One number of a fixed list, such as the playback speeds. */
export function oneOfNumbers(values: readonly number[], unit = ''): Codec<number> {
  return {
    expected: listWords(values.map((v) => `${v}${unit}`)),
    parse: (raw) => (isDecimal(raw) ? values.find((v) => v === Number(raw)) : undefined),
    format: (value) => String(value),
    describe: (value) => `${value}${unit}`,
  };
}

/** Replaces lone UTF-16 surrogates (which encodeURIComponent refuses) by U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}

/** Free text of `range.min`–`range.max` characters, counted in code points as the store does. */
export function text(range: Range): Codec<string> {
  return {
    expected: `${range.min} to ${range.max} characters`,
    parse: (raw) => {
      // Cheap bound first: a code point is at most two UTF-16 units.
      if (raw.length > 2 * range.max) return undefined;
      const n = Array.from(raw).length;
      return n >= range.min && n <= range.max ? raw : undefined;
    },
    format: wellFormed,
    describe: (value) => `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`,
  };
}

/** An id of lowercase words joined by '-' ('remember-first-50-lstm'), or '' for none. */
export function slug(maxLength: number): Codec<string> {
  const pattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  return {
    expected: `lowercase letters, digits and '-', at most ${maxLength} characters`,
    parse: (raw) =>
      raw === '' || (raw.length <= maxLength && pattern.test(raw)) ? raw : undefined,
    format: (value) => value,
    describe: (value) => (value === '' ? 'none' : value),
  };
}

/**
 * A non-empty set of distinct letters of `all`, such as the pane ids "AB"; read in any
 * order and case, kept in the order of `all` (the store keeps panes in letter order).
 */
export function letters<T extends string>(all: readonly T[], max: number): Codec<T[]> {
  return {
    expected: `1 to ${max} different letters of ${all.join('')}`,
    parse: (raw) => {
      const picked = Array.from(raw.toUpperCase());
      if (picked.length < 1 || picked.length > max || new Set(picked).size !== picked.length) {
        return undefined;
      }
      if (!picked.every((ch) => all.includes(ch as T))) return undefined;
      return all.filter((id) => picked.includes(id));
    },
    format: (value) => value.join(''),
  };
}

/** A set of on/off flags, written as the comma-separated names of those on ('' for none). */
export function flags<K extends string>(names: readonly K[]): Codec<Record<K, boolean>> {
  return {
    expected: `names from ${names.join(', ')}, separated by commas`,
    parse: (raw) => {
      const on = raw.split(',').filter((word) => word !== '');
      if (!on.every((word) => names.includes(word as K))) return undefined;
      return Object.fromEntries(names.map((n) => [n, on.includes(n)])) as Record<K, boolean>;
    },
    format: (value) => names.filter((n) => value[n]).join(','),
    describe: (value) => {
      const on = names.filter((n) => value[n]);
      return on.length === names.length ? 'all' : on.length === 0 ? 'none' : on.join(', ');
    },
  };
}

/** The size of parsed numbers in words: "6 steps × 3 features". */
function numbersShape(rows: readonly (readonly number[])[]): string {
  const I = rows[0]?.length ?? 0;
  return `${rows.length} step${rows.length === 1 ? '' : 's'} × ${I} feature${I === 1 ? '' : 's'}`;
}

/**
 * Numbers a user pasted (see `parseNumbers`), at most `range.max` UTF-16 units, kept as
 * written; text that does not parse is refused, and `refusal` names the row and column.
 */
export function numbersText(range: Range): Codec<string> {
  const problem = (raw: string): string | null => {
    if (raw.length < range.min) return 'no numbers';
    if (raw.length > range.max) return `longer than ${range.max} characters`;
    try {
      parseNumbers(raw);
      return null;
    } catch (error) {
      if (error instanceof DataInputError) return error.message.replace(/\.$/, '');
      throw error;
    }
  };
  return {
    expected: `rows of numbers with the same number of columns, at most ${range.max} characters`,
    parse: (raw) => (problem(raw) === null ? raw : undefined),
    format: wellFormed,
    describe: (value) => {
      try {
        return `the numbers of ${numbersShape(parseNumbers(value).rows)}`;
      } catch {
        return 'the numbers';
      }
    },
    refusal: (raw) => problem(raw) ?? `expected ${range.max} characters at most`,
  };
}
