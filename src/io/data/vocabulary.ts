/**
 * The vocabulary of a model with an embedding or a one-hot input, as a user gives it
 * (characters, tokens one per line, a JSON list, or the JSON dict token → index that
 * tokenizers save), and text turned into token ids with it.
 */
import { LIMITS } from '../../scene/limits';
import { DataInputError, quote } from '../../scene/dataErrors';

/** How text is cut into tokens: code points, or runs of non-space characters. */
export type TokenMode = 'chars' | 'words';

/** Refuses repeated tokens, naming the first repeat and both places. */
function checkUnique(tokens: readonly string[], place: (k: number) => string): void {
  const seen = new Map<string, number>();
  tokens.forEach((token, k) => {
    const before = seen.get(token);
    if (before !== undefined) {
      throw new DataInputError(
        `The vocabulary has ${quote(token)} twice (${place(before)} and ${place(k)}).`,
      );
    }
    seen.set(token, k);
  });
}

function fromJson(text: string): string[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DataInputError(
      `The vocabulary looks like JSON but does not parse: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  if (Array.isArray(json)) {
    json.forEach((token: unknown, k) => {
      if (typeof token !== 'string') {
        throw new DataInputError(
          `Entry ${k} of the vocabulary list is ${JSON.stringify(token)}, not a text.`,
        );
      }
    });
    checkUnique(json as string[], (k) => `entry ${k}`);
    return json as string[];
  }
  if (typeof json !== 'object' || json === null) {
    throw new DataInputError('A JSON vocabulary must be a list of tokens or a dict token → index.');
  }
  const entries = Object.entries(json);
  const tokens = new Array<string | undefined>(entries.length);
  for (const [token, index] of entries) {
    if (!Number.isInteger(index) || (index as number) < 0) {
      throw new DataInputError(
        `The vocabulary gives ${quote(token)} the index ${JSON.stringify(index)}; indices are whole numbers from 0.`,
      );
    }
    const k = index as number;
    if (k >= entries.length) {
      throw new DataInputError(
        `The vocabulary gives ${quote(token)} the index ${k}, but it has ${entries.length} tokens: indices must be 0 to ${entries.length - 1}, without gaps.`,
      );
    }
    const other = tokens[k];
    if (other !== undefined) {
      throw new DataInputError(
        `The vocabulary gives index ${k} to both ${quote(other)} and ${quote(token)}.`,
      );
    }
    tokens[k] = token;
  }
  // n distinct indices in 0..n−1: none is missing.
  return tokens as string[];
}

/**
 * The tokens of a vocabulary, token k having id k. `text` is a JSON list of tokens, a JSON
 * dict token → index (indices exactly 0..V−1), tokens one per line, or else the characters
 * of one line. Throws a {@link DataInputError} for an empty vocabulary, a repeated token,
 * an empty line, or indices with gaps, repeats or fractions, naming the token.
 */
export function parseVocabulary(text: string): string[] {
  const body = text.replace(/^\uFEFF/, '');
  const trimmed = body.trim();
  if (trimmed === '') throw new DataInputError('The vocabulary is empty.');
  let tokens: string[];
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    tokens = fromJson(trimmed);
  } else {
    const content = body.replace(/\r?\n$/, '');
    if (/\r?\n/.test(content)) {
      tokens = content.split(/\r?\n/);
      const empty = tokens.indexOf('');
      if (empty >= 0) {
        throw new DataInputError(
          `Line ${empty + 1} of the vocabulary is empty; give one token per line.`,
        );
      }
      checkUnique(tokens, (k) => `line ${k + 1}`);
    } else {
      tokens = Array.from(content);
      checkUnique(tokens, (k) => `character ${k + 1}`);
    }
  }
  if (tokens.length === 0) throw new DataInputError('The vocabulary is empty.');
  return tokens;
}

/**
 * The ids of `text`'s tokens in `vocabulary` (token k has id k): one per code point
 * ('chars') or per whitespace-separated word ('words'). Throws a {@link DataInputError}
 * naming every unknown token with its steps (from 1), for empty text, or for more than
 * `maxSteps` tokens (the page's text limit by default).
 */
export function encodeTokens(
  text: string,
  vocabulary: readonly string[],
  mode: TokenMode,
  maxSteps: number = LIMITS.textLength.max,
): number[] {
  const tokens = mode === 'chars' ? Array.from(text) : text.split(/\s+/).filter((w) => w !== '');
  if (tokens.length === 0) throw new DataInputError('No tokens: the text is empty.');
  if (tokens.length > maxSteps) {
    throw new DataInputError(`${tokens.length} tokens; at most ${maxSteps} steps can be run.`);
  }
  const ids = new Map(vocabulary.map((token, k) => [token, k]));
  const unknown = new Map<string, number[]>();
  const out = tokens.map((token, step) => {
    const id = ids.get(token);
    if (id === undefined) unknown.set(token, [...(unknown.get(token) ?? []), step + 1]);
    return id ?? -1;
  });
  if (unknown.size > 0) {
    const shown = [...unknown].slice(0, 10).map(([token, steps]) => {
      const at =
        steps.length === 1
          ? `step ${steps[0]}`
          : `steps ${steps.slice(0, 5).join(', ')}${steps.length > 5 ? ', …' : ''}`;
      return `${quote(token)} (${at})`;
    });
    const more = unknown.size > 10 ? `, and ${unknown.size - 10} more` : '';
    throw new DataInputError(
      `${unknown.size === 1 ? 'An unknown token' : 'Unknown tokens'}, not in the vocabulary of ${vocabulary.length}: ${shown.join(', ')}${more}.`,
    );
  }
  return out;
}
