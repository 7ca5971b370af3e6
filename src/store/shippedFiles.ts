/**
 * The shipped model files (public/models/*.json, index.json among them) built into the page
 * itself, for the single-file build, which has nothing to fetch them from: a page opened
 * from disk may not fetch files beside it. Only loaded there (see trainedModels.ts); the
 * regular build fetches the files and never includes this module.
 */
import { ModelLoadError } from '../io/modelFetch';

/** File name (`adding-20-gru.json`) → the file's text, as shipped. */
const FILES = new Map(
  Object.entries(
    import.meta.glob<string>('../../public/models/*.json', {
      eager: true,
      query: '?raw',
      import: 'default',
    }),
  ).map(([path, text]) => [path.slice(path.lastIndexOf('/') + 1), text]),
);

/**
 * The bytes (UTF-8) of the shipped file `url` names (any URL ending in `models/<name>.json`),
 * as a fetch would give them; a ModelLoadError 'not-found' when no such file was shipped.
 */
export function shippedFileBytes(url: string): Uint8Array {
  const name = url.slice(url.lastIndexOf('/') + 1);
  const text = url.includes('models/') ? FILES.get(name) : undefined;
  if (text === undefined) {
    throw new ModelLoadError('not-found', `not found (no file “${name}” is built into this page).`);
  }
  return new TextEncoder().encode(text);
}
