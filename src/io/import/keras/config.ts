/**
 * Keras model configs (the `model_config` attribute of an .h5, `config.json` of a .keras,
 * the `modelTopology` of a TF.js model.json) read into a flat list of layers with where
 * each takes its input from. Sequential and Functional, Keras 2.0 to 3.x, and TF.js's.
 */
import { ImportError } from '../types';

/** Nesting deeper than this in a config is refused before JSON.parse sees it. */
export const MAX_JSON_DEPTH = 256;

/** One layer of a config, before its weights are attached. */
export interface ConfigLayer {
  readonly className: string;
  readonly name: string;
  readonly config: Readonly<Record<string, unknown>>;
  /** Layers whose outputs it reads; null in a Sequential model (the previous layer). */
  readonly inbound: readonly string[] | null;
}

/** A model config: its class and its layers in the file's order. */
export interface ModelConfig {
  /** `Sequential`, `Functional`, `Model`. */
  readonly className: string;
  readonly layers: readonly ConfigLayer[];
}

/** Whether `v` is a plain JSON object (not null, not an array). */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses JSON text, refusing nesting deeper than {@link MAX_JSON_DEPTH} (counted outside
 * strings, in one pass) and invalid JSON with the parser's own words. `what` names the
 * text in messages ("config.json").
 */
export function parseJson(text: string, fileName: string, what: string): unknown {
  let depth = 0;
  let inString = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (inString) {
      if (c === 0x5c /* \ */) k++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) {
        throw new ImportError(
          `${fileName}: ${what} nests deeper than ${MAX_JSON_DEPTH} levels: not a Keras model config.`,
        );
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ImportError(
      `${fileName}: ${what} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
}

/**
 * The layers' names a Functional layer reads, from its `inbound_nodes` in either Keras 2
 * form (`[[["lstm", 0, 0, {}]]]`) or Keras 3 form (`[{"args": [{"config": {"keras_history":
 * ["lstm", 0, 0]}}]}]`); ['<shared>'] when the layer is called more than once.
 */
function inboundNames(nodes: unknown): string[] {
  if (!Array.isArray(nodes) || nodes.length === 0) return [];
  if (nodes.length > 1) return ['<shared>'];
  const names: string[] = [];
  const stack: { value: unknown; depth: number }[] = [{ value: nodes[0], depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    if (depth > 16) continue;
    if (Array.isArray(value)) {
      if (typeof value[0] === 'string' && typeof value[1] === 'number') {
        names.push(value[0]);
        continue;
      }
      for (const v of value) stack.push({ value: v, depth: depth + 1 });
    } else if (isRecord(value)) {
      const history = isRecord(value.config) ? value.config.keras_history : undefined;
      if (Array.isArray(history) && typeof history[0] === 'string') {
        names.push(history[0]);
        continue;
      }
      if ('args' in value) stack.push({ value: value.args, depth: depth + 1 });
    }
  }
  return names.reverse();
}

/**
 * A Keras model config read into layers. Accepts the whole `model_config` object or a
 * TF.js `modelTopology` (which may wrap it as `model_config`). Throws an ImportError
 * naming `fileName` when it is no Sequential/Functional config.
 */
export function readModelConfig(json: unknown, fileName: string, what: string): ModelConfig {
  const top = isRecord(json) && isRecord(json.model_config) ? json.model_config : json;
  const refuse = (found: string): never => {
    throw new ImportError(
      `${fileName}: ${what} is not a Keras model config (expected a Sequential or Functional model with a list of layers; found ${found}).`,
    );
  };
  if (!isRecord(top) || typeof top.class_name !== 'string') return refuse('no class_name');
  const className = top.class_name;
  const body = top.config;
  const rawLayers = Array.isArray(body) ? body : isRecord(body) ? body.layers : undefined;
  if (!Array.isArray(rawLayers)) return refuse(`a ${className} without layers`);
  const sequential = className === 'Sequential';
  const layers = rawLayers.map((raw, k): ConfigLayer => {
    if (!isRecord(raw) || typeof raw.class_name !== 'string')
      return refuse(`layer ${k} without a class`);
    const config = isRecord(raw.config) ? raw.config : {};
    const name =
      typeof config.name === 'string'
        ? config.name
        : typeof raw.name === 'string'
          ? raw.name
          : `${raw.class_name.toLowerCase()}_${k}`;
    return {
      className: raw.class_name,
      name,
      config,
      inbound: sequential ? null : inboundNames(raw.inbound_nodes),
    };
  });
  return { className, layers };
}
