import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decompressText } from '../../src/io/compress';
import { defaultSnapshot, SCENE_SCHEMA, snapshotOf } from '../../src/io/sceneSchema';
import { decodeScene, encodeScene } from '../../src/io/sceneUrl';
import { LESSON_STOPS } from '../../src/lessons/navigate';
import { createSceneStore } from '../../src/store';
import { LIMITS } from '../../src/scene';
import { sceneArb, textArb } from './support';

/** The value of one key of a hash, still percent-encoded. */
function param(hash: string, key: string): string | undefined {
  const pair = hash.split('&').find((p) => p.startsWith(`${key}=`));
  return pair?.slice(key.length + 1);
}

describe('the schema table', () => {
  it('has unique keys, and its defaults are the store’s defaults', () => {
    const keys = SCENE_SCHEMA.flatMap((f) => [
      f.key,
      ...('compressedKey' in f && f.compressedKey ? [f.compressedKey] : []),
    ]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(defaultSnapshot()).toEqual(snapshotOf(createSceneStore().getState()));
  });

  it('keeps the v1 defaults: a link leaves them out, so they may not change within v1', () => {
    const fallbacks = Object.fromEntries(SCENE_SCHEMA.map((f) => [f.key, f.fallback]));
    expect(fallbacks).toEqual({
      panes: ['A'],
      cell: 'lstm',
      hidden: 8,
      layers: 1,
      seed: 0,
      init: 'pytorch',
      scale: 1,
      fbias: 0,
      act: 'tanh',
      gru: 'pytorch',
      model: '',
      import: '',
      ifile: '',
      iv: [],
      in: 'text',
      text: 'hello world',
      len: 60,
      nseed: 0,
      task: 'remember-first',
      nums: 'x1,x2,x3\n1,0,0.5\n0,1,-0.5\n0,0,1\n1,1,0\n0.5,-0.5,0.25\n-1,0,0\n',
      t: 1,
      speed: 1,
      layer: 0,
      unit: 0,
      names: 'standard',
      eqs: 'pytorch',
      views: { diagram: true, heatmaps: true, equations: true, gradients: true },
      present: false,
      noedit: false,
      theme: 'system',
      lesson: '',
      stop: 0,
    });
  });

  it('writes the default scene as just the version', () => {
    expect(encodeScene(createSceneStore().getState())).toBe('v=1');
    const clean = { scene: defaultSnapshot(), problems: [], changed: [] };
    expect(decodeScene('v=1')).toEqual(clean);
    expect(decodeScene('')).toEqual(clean);
  });

  it('writes one readable key per changed setting, panes by letter, counts from 1', () => {
    const scene = defaultSnapshot();
    scene.panes = [
      { ...scene.panes[0]!, cell: 'gru' },
      { ...scene.panes[0]!, id: 'B', hiddenSize: 16, weightScale: 0.5, forgetBias: -1.5 },
    ];
    scene.input = { ...scene.input, text: 'a b,c' };
    scene.t = 4;
    scene.unit = 2;
    scene.layer = 1;
    scene.views = { ...scene.views, gradients: false };
    expect(encodeScene(scene)).toBe(
      'v=1&panes=AB&A.cell=gru&B.hidden=16&B.scale=0.5&B.fbias=-1.5&text=a%20b,c&t=4&layer=2&unit=3&views=diagram,heatmaps,equations',
    );
  });
});

describe('round trip', () => {
  it('decode(encode(scene)) is the scene, with no problem, for any valid scene', () => {
    fc.assert(
      fc.property(sceneArb, (scene) => {
        const hash = encodeScene(scene);
        expect(decodeScene(hash, LESSON_STOPS)).toEqual({ scene, problems: [], changed: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('reads the whole store state (actions are ignored)', () => {
    const state = createSceneStore().getState();
    state.setInputText('store text');
    expect(decodeScene(encodeScene(state)).scene).toEqual(snapshotOf(state));
  });

  it('carries long texts (2000 code points of any script, emoji) exactly', () => {
    fc.assert(
      fc.property(textArb(LIMITS.textLength.max), (text) => {
        const scene = { ...defaultSnapshot(), input: { ...defaultSnapshot().input, text } };
        expect(decodeScene(encodeScene(scene)).scene.input.text).toBe(text);
      }),
      { numRuns: 40 },
    );
  });

  it('compresses a long text when that is shorter, base64url only', () => {
    const prose = 'The forget gate decides what the cell keeps. '.repeat(50).slice(0, 2000);
    const emoji = Array.from({ length: 2000 }, (_, k) => ['🎉', '🧠', '✨', '🔁'][k % 4]).join('');
    for (const text of [prose, emoji]) {
      const scene = { ...defaultSnapshot(), input: { ...defaultSnapshot().input, text } };
      const hash = encodeScene(scene);
      const packed = param(hash, 'tz');
      // The text's length in code points and its CRC-32, then the data, all base64url.
      expect(packed).toMatch(
        new RegExp(`^${Array.from(text).length}\\.[0-9a-z]+\\.[A-Za-z0-9_-]+$`),
      );
      expect(param(hash, 'text')).toBeUndefined();
      expect(decompressText(packed!)).toEqual({ text });
      expect(hash.length).toBeLessThan(encodeURIComponent(text).length / 4);
    }
    expect(
      encodeScene({ ...defaultSnapshot(), input: { ...defaultSnapshot().input, text: prose } })
        .length,
    ).toBeLessThan(700);
  });

  it('keeps short texts readable (percent-encoded, not compressed)', () => {
    const scene = {
      ...defaultSnapshot(),
      input: { ...defaultSnapshot().input, text: 'héllo wörld' },
    };
    expect(encodeScene(scene)).toBe('v=1&text=h%C3%A9llo%20w%C3%B6rld');
  });
});
