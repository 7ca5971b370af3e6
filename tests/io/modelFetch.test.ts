// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchModelBytes, readJsonBytes, readModelBytes } from '../../src/io/modelFetch';
import { validFile } from './modelFixtures';

const URL = '/models/remember-first-5-lstm.json';

/** Makes `fetch` answer with `response` (or fail with `error`). */
function serve(response: Response | Error): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(() => (response instanceof Error ? Promise.reject(response) : Promise.resolve(response))),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const json = (body: string, type = 'application/json') =>
  new Response(body, { status: 200, headers: { 'content-type': type } });

describe('fetching a model file says in words why it failed', () => {
  it.each<[string, () => Response | Error, string, RegExp]>([
    [
      'a 404',
      () => new Response('gone', { status: 404 }),
      'not-found',
      /^not found \(the server answered 404\)\.$/,
    ],
    [
      'the web page served in its place (status 200)',
      () => json('<!doctype html><html></html>', 'text/html; charset=utf-8'),
      'not-found',
      /^not found \(the server answered with a web page instead of the model file\)\.$/,
    ],
    [
      'another content type',
      () => json('{}', 'text/plain'),
      'not-a-model',
      /^not a model file \(the server sent it as “text\/plain”, not JSON\)\.$/,
    ],
    ['an empty body', () => json(''), 'not-a-model', /^not a model file \(it is empty\)\.$/],
    [
      'a failed request',
      () => new TypeError('Failed to fetch'),
      'network',
      /^a network error \(Failed to fetch\); check the connection and retry\.$/,
    ],
    [
      'a server error',
      () => new Response('', { status: 503 }),
      'network',
      /answered 503; retry later/,
    ],
  ])('%s', async (_, response, reason, message) => {
    serve(response());
    const failure = fetchModelBytes(URL);
    await expect(failure).rejects.toMatchObject({ reason });
    await expect(failure).rejects.toThrow(message);
  });

  it('hands back the bytes of a JSON file', async () => {
    serve(json('{"a":1}', 'application/json; charset=utf-8'));
    expect(readJsonBytes(await fetchModelBytes(URL))).toEqual({ a: 1 });
  });

  it('rejects with the abort reason when its signal aborts it', async () => {
    const controller = new AbortController();
    const reason = new Error('timed out');
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise(() => controller.abort(reason)).then(() => 0)),
    );
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise((_, reject) => {
            init.signal!.addEventListener('abort', () => reject(new DOMException('aborted')));
          }),
      ),
    );
    const failure = fetchModelBytes(URL, controller.signal);
    controller.abort(reason);
    await expect(failure).rejects.toBe(reason);
  });
});

describe('reading a model file from its bytes', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('says a file that is not JSON is not a model file, with the parser’s words', () => {
    expect(() => readJsonBytes(bytes('<!doctype html>'))).toThrow(
      /^not a model file \(it is not valid JSON: .+\)\.$/,
    );
  });

  it('refuses another model than the one asked for', () => {
    const text = JSON.stringify(validFile());
    expect(() => readModelBytes(bytes(text), 'remember-first-50-lstm')).toThrow(
      /^not a valid model file: .*not the "remember-first-50-lstm" that was asked for/,
    );
  });

  it('reads the model asked for', () => {
    const text = JSON.stringify(validFile());
    expect(readModelBytes(bytes(text), 'remember-first-5-lstm').model.spec.hiddenSize).toBe(3);
  });
});
