/**
 * Fetching a trained model's file and reading its bytes, with every failure said in words
 * for people: the file is not there (a 404, or the server's own web page served in its
 * place), it is not a model file (empty, not JSON, a type other than JSON, or a file that
 * fails the checks of `parseModelFile`), the network failed, or no answer came in time.
 */
import { parseModelFile, type LoadedModel } from './modelFile';

/** Why a model could not be loaded, in the four kinds a person can act on. */
export type ModelLoadReason = 'not-found' | 'not-a-model' | 'network' | 'timeout';

/** A failed load: `reason` for code (a retry is offered for network and timeout), the message for people. */
export class ModelLoadError extends Error {
  constructor(
    readonly reason: ModelLoadReason,
    message: string,
  ) {
    super(message);
    this.name = 'ModelLoadError';
  }
}

/** Content types a model file may be served as; none at all is accepted too. */
const JSON_TYPE = /^(application|text)\/([a-z0-9.+-]*\+)?json\b/i;

/**
 * The bytes of the file at `url`. Throws a ModelLoadError: 'not-found' for a 404 (or 410)
 * or a web page (text/html) in its place, as static servers and single-page hosts answer
 * a missing file; 'not-a-model' for another content type than JSON, or an empty body;
 * 'network' when the request fails or another error status comes back. An abort through
 * `signal` rejects with the signal's reason, for the caller to say why it aborted.
 */
export async function fetchModelBytes(url: string, signal?: AbortSignal): Promise<ArrayBuffer> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw new ModelLoadError(
      'network',
      `a network error (${error instanceof Error ? error.message : String(error)}); check the connection and retry.`,
    );
  }
  if (response.status === 404 || response.status === 410) {
    throw new ModelLoadError('not-found', `not found (the server answered ${response.status}).`);
  }
  if (!response.ok) {
    throw new ModelLoadError('network', `the server answered ${response.status}; retry later.`);
  }
  const type = response.headers.get('content-type') ?? '';
  if (/^text\/html\b/i.test(type)) {
    throw new ModelLoadError(
      'not-found',
      'not found (the server answered with a web page instead of the model file).',
    );
  }
  if (type !== '' && !JSON_TYPE.test(type)) {
    throw new ModelLoadError(
      'not-a-model',
      `not a model file (the server sent it as “${type.split(';')[0]!.trim()}”, not JSON).`,
    );
  }
  let bytes: ArrayBuffer;
  try {
    bytes = await response.arrayBuffer();
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw new ModelLoadError(
      'network',
      `the download broke off (${error instanceof Error ? error.message : String(error)}); retry.`,
    );
  }
  if (bytes.byteLength === 0)
    throw new ModelLoadError('not-a-model', 'not a model file (it is empty).');
  return bytes;
}

/** The JSON value in `bytes` (UTF-8), or a ModelLoadError 'not-a-model' saying why there is none. */
export function readJsonBytes(bytes: ArrayBuffer | Uint8Array): unknown {
  if (bytes.byteLength === 0)
    throw new ModelLoadError('not-a-model', 'not a model file (it is empty).');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ModelLoadError('not-a-model', 'not a model file (it is not UTF-8 text).');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ModelLoadError('not-a-model', `not a model file (it is not valid JSON: ${detail}).`);
  }
}

/**
 * A model file's bytes read, checked and built (see `parseModelFile`), refused unless its
 * id is `expectedId`. Throws a ModelLoadError 'not-a-model' with the reason in words.
 * Costly for a large file (a second for tens of MB): the app runs it in its worker.
 */
export function readModelBytes(bytes: ArrayBuffer | Uint8Array, expectedId: string): LoadedModel {
  const json = readJsonBytes(bytes);
  try {
    return parseModelFile(json, expectedId);
  } catch (error) {
    throw invalidFile(error);
  }
}

/** A check's failure as a 'not-a-model' load error with its words. */
export function invalidFile(error: unknown): ModelLoadError {
  if (error instanceof ModelLoadError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new ModelLoadError('not-a-model', `not a valid model file: ${detail}`);
}
