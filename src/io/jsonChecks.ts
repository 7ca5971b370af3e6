/**
 * The small checks every untrusted JSON (a model file, the weights in a link) passes first,
 * in a module of its own so that a link's weights can be checked on the first paint
 * without loading the model-file readers.
 */

/** What is wrong with a model file; `where` names the model when its id is known. */
export class ModelFileError extends Error {
  constructor(where: string, message: string) {
    super(`${where}${message}`);
    this.name = 'ModelFileError';
  }
}

/** A JSON object as parsed, its fields not yet checked. */
export type Json = Record<string, unknown>;

/** True for a JSON object (not null, not an array). */
export const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** "an array", "null", "a string": what a JSON value is, for messages. */
export function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (v === undefined) return 'missing';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** A JSON value in a message: numbers and texts as written, other things by kind. */
export function describeValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);
  if (typeof v === 'number') return String(v);
  return kind(v);
}

/** Keys that name an object's prototype machinery, never a field of a model file. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Throws a ModelFileError naming the first reserved key found in any object of `json`
 * (arrays of numbers are not searched: they hold no keys), with the path to it.
 */
export function refuseReservedKeys(json: unknown, where: string): void {
  const pending: { value: unknown; path: string }[] = [{ value: json, path: '' }];
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    if (!isObject(value)) continue;
    for (const key of Object.keys(value)) {
      const at = path ? `${path}.${key}` : key;
      if (RESERVED_KEYS.has(key)) {
        throw new ModelFileError(
          where,
          `the key "${at}" is reserved and not allowed in a model file; remove it.`,
        );
      }
      pending.push({ value: value[key], path: at });
    }
  }
}
