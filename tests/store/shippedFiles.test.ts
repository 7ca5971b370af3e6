import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ModelLoadError, readModelBytes } from '../../src/io/modelFetch';
import { modelFileUrl, parseModelIndex } from '../../src/io/modelFile';
import { shippedFileBytes } from '../../src/store/shippedFiles';

/** The single-file build reads the shipped models from the page (src/store/shippedFiles.ts). */
const MODELS = resolve(import.meta.dirname, '../../public/models');
const onDisk = readdirSync(MODELS).filter((name) => name.endsWith('.json'));
const entries = parseModelIndex(JSON.parse(readFileSync(resolve(MODELS, 'index.json'), 'utf8')));

describe('the shipped model files built into the single file', () => {
  it('holds every file of public/models byte for byte, whatever the base URL', () => {
    expect(onDisk.length).toBeGreaterThan(entries.length);
    for (const name of onDisk) {
      const bytes = readFileSync(resolve(MODELS, name));
      for (const url of [`./models/${name}`, `/models/${name}`, `file:///x/models/${name}`]) {
        expect(Buffer.from(shippedFileBytes(url)).equals(bytes), url).toBe(true);
      }
    }
  });

  it('gives every model of the index, which reads as the model it is named for', () => {
    for (const { id } of entries) {
      const loaded = readModelBytes(shippedFileBytes(modelFileUrl(id, './')), id);
      expect(loaded.file.id).toBe(id);
    }
  });

  it('answers a file that was not shipped as not found, like a 404', () => {
    for (const url of ['./models/nothing-here.json', './index.json', './models/']) {
      expect(() => shippedFileBytes(url)).toThrow(ModelLoadError);
      try {
        shippedFileBytes(url);
      } catch (error) {
        expect((error as ModelLoadError).reason).toBe('not-found');
      }
    }
  });
});

describe('trained models in the single-file build (mode "single")', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('load from the page without fetching anything or asking the worker', async () => {
    vi.stubEnv('MODE', 'single');
    const fetched: string[] = [];
    vi.stubGlobal('fetch', (url: string) => {
      fetched.push(String(url));
      return Promise.reject(new TypeError('no network'));
    });
    const posted: unknown[] = [];
    vi.stubGlobal(
      'Worker',
      class {
        postMessage(message: unknown) {
          posted.push(message);
        }
        terminate() {}
      },
    );
    vi.resetModules();
    const { loadModelIndex, loadTrainedModel } = await import('../../src/store/trainedModels');
    expect((await loadModelIndex()).map((e) => e.id)).toEqual(entries.map((e) => e.id));
    const status = await loadTrainedModel('parity-20-gru');
    expect(status.state).toBe('ready');
    if (status.state !== 'ready') return;
    const file = JSON.parse(readFileSync(resolve(MODELS, 'parity-20-gru.json'), 'utf8'));
    expect(status.loaded.file.spec).toMatchObject(file.spec);
    expect(fetched).toEqual([]);
    expect(posted).toEqual([]);
  });
});
