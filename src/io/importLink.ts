/**
 * An imported model's weights inside a link: `A.iw=<length>.<crc>.<lz-string base64url>` of
 * `{ fileName, imported }` (JSON), and a model trained here as `A.tw=…` of its model file,
 * written by Copy link when they fit in {@link MAX_WEIGHTS_LINK} characters, read back when
 * the link opens. The weights are untrusted input: the text must
 * match its check, parse as JSON without reserved keys, and have the shape of an imported
 * model (the engine then checks every number when it builds the model). Kept out of the
 * address bar's live scene: only a copied link carries them.
 */
import { compressText, decompressText } from './compress';
import type { ImportedModel } from './import/types';
import { refuseReservedKeys } from './jsonChecks';
import type { PaneId } from '../scene';

/** Longest packed weights a link carries, in characters (about 32 kB of address). */
export const MAX_WEIGHTS_LINK = 32_000;

/** Longest JSON the packed weights may announce, in code points (lz-string packs numbers ~3×). */
const MAX_WEIGHTS_JSON = 400_000;

/** The link key of pane `pane`'s weights: `A.iw`. */
export const weightsKey = (pane: PaneId) => `${pane}.iw`;

/** The link key of the model file pane `pane` trained here: `A.tw`. */
export const trainedWeightsKey = (pane: PaneId) => `${pane}.tw`;

/** A model file trained here, packed for a link; null when longer than {@link MAX_WEIGHTS_LINK}. */
export function packModelFile(file: object): string | null {
  const packed = compressText(JSON.stringify(file));
  return packed.length <= MAX_WEIGHTS_LINK ? packed : null;
}

/**
 * A packed model file read back as JSON without reserved keys (the model-file reader then
 * checks it whole), or why it cannot be used. Never throws.
 */
export function unpackModelFile(packed: string): { json: unknown } | { problem: string } {
  const text = unpackText(packed);
  if ('problem' in text) return text;
  try {
    const json: unknown = JSON.parse(text.text);
    refuseReservedKeys(json, 'the weights');
    return { json };
  } catch (error) {
    return {
      problem: `the weights are not readable (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}

/** The text of packed weights, checked against the link's limits. */
function unpackText(packed: string): { text: string } | { problem: string } {
  if (packed.length > MAX_WEIGHTS_LINK) {
    return {
      problem: `the weights are longer than a link may carry (${MAX_WEIGHTS_LINK} characters)`,
    };
  }
  const unpacked = decompressText(packed, {
    maxPacked: MAX_WEIGHTS_LINK,
    maxText: MAX_WEIGHTS_JSON,
  });
  return 'problem' in unpacked ? { problem: `the weights are ${unpacked.problem}` } : unpacked;
}

/** What a link carries of an imported model: its file's name and the converted model. */
export interface LinkedWeights {
  readonly fileName: string;
  readonly imported: ImportedModel;
}

/** `{ fileName, imported }` packed for a link, or null when it is longer than {@link MAX_WEIGHTS_LINK}. */
export function packWeights(weights: LinkedWeights): string | null {
  const packed = compressText(JSON.stringify(weights));
  return packed.length <= MAX_WEIGHTS_LINK ? packed : null;
}

/** Weights read back from a link, or why they cannot be used (for the link's notice). */
export type UnpackedWeights = LinkedWeights | { readonly problem: string };

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((s) => typeof s === 'string');

/** Reads packed weights; never throws. */
export function unpackWeights(packed: string): UnpackedWeights {
  const unpacked = unpackText(packed);
  if ('problem' in unpacked) return unpacked;
  let json: unknown;
  try {
    json = JSON.parse(unpacked.text);
    refuseReservedKeys(json, 'the weights');
  } catch (error) {
    return {
      problem: `the weights are not readable (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  const { fileName, imported } = (json ?? {}) as Partial<LinkedWeights>;
  const m = (imported ?? {}) as Partial<ImportedModel>;
  const ok =
    typeof fileName === 'string' &&
    typeof m.name === 'string' &&
    typeof m.format === 'string' &&
    typeof m.spec === 'object' &&
    m.spec !== null &&
    typeof m.params === 'object' &&
    m.params !== null &&
    isStringArray(m.notes) &&
    isStringArray(m.assumed) &&
    (m.vocabulary === undefined || isStringArray(m.vocabulary)) &&
    (m.embedding === undefined || Array.isArray(m.embedding)) &&
    (m.head === undefined || (typeof m.head === 'object' && m.head !== null)) &&
    (m.goBackwards === undefined || typeof m.goBackwards === 'boolean');
  if (!ok) return { problem: 'the weights do not have the shape of an imported model' };
  return { fileName, imported: m as ImportedModel };
}

/**
 * The weights parameters of a hash (imported models' `A.iw`, models trained here `A.tw`),
 * and the hash without them: the scene is read from the rest as from any link.
 */
export function splitWeights(hash: string): {
  hash: string;
  weights: Map<PaneId, string>;
  trained: Map<PaneId, string>;
} {
  const weights = new Map<PaneId, string>();
  const trained = new Map<PaneId, string>();
  const kept: string[] = [];
  for (const part of hash.replace(/^#/, '').split('&')) {
    const match = /^([ABC])\.(iw|tw)=(.*)$/.exec(part);
    if (!match) {
      kept.push(part);
      continue;
    }
    let value = match[3]!;
    try {
      value = decodeURIComponent(value);
    } catch {
      // Left as written: unpacking names it damaged.
    }
    (match[2] === 'iw' ? weights : trained).set(match[1] as PaneId, value);
  }
  const found = weights.size + trained.size > 0;
  return { hash: found ? kept.join('&') : hash, weights, trained };
}
