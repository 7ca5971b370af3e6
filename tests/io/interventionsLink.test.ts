/**
 * A pane's interventions in the link (`A.iv=…`): written compactly, counted from 1 as the
 * page shows them, read back exactly, and checked on the way in: a tampered or misfitting
 * list opens the scene without it, with a notice.
 */
import { describe, expect, it } from 'vitest';
import type { Intervention } from '../../src/engine';
import { defaultSnapshot } from '../../src/io/sceneSchema';
import { decodeScene, encodeScene } from '../../src/io/sceneUrl';

const LIST: Intervention[] = [
  { layer: 0, gate: 'f', unit: 2, from: 4, to: 4, value: 0 },
  { layer: 0, gate: 'h', from: 1, to: 3, value: -0.25 },
];

describe('interventions in the link', () => {
  it('are written as gate:unit:steps:value, counted from 1, and read back as they were', () => {
    const scene = defaultSnapshot();
    scene.panes = [{ ...scene.panes[0]!, interventions: LIST }];
    const hash = encodeScene(scene);
    expect(hash).toContain('A.iv=f:3:5:0,h:*:2-4:-0.25');
    const decoded = decodeScene(hash);
    expect(decoded.problems).toEqual([]);
    expect(decoded.scene.panes[0]!.interventions).toEqual(LIST);
  });

  it('writes the layer and direction of a deeper layer', () => {
    const scene = defaultSnapshot();
    const deep = { layer: 1, gate: 'c', unit: 0, from: 0, to: 0, value: 2 } as const;
    scene.panes = [{ ...scene.panes[0]!, numLayers: 2, interventions: [deep] }];
    const hash = encodeScene(scene);
    expect(hash).toContain('A.iv=2/c:1:1:2');
    expect(decodeScene(hash).scene.panes[0]!.interventions).toEqual([deep]);
  });

  it('opens a tampered list without it, saying so, and keeps the rest of the scene', () => {
    for (const bad of ['q:3:5:0', 'f:3:5', 'f:3:6-5:0', 'f:3:5:NaN', 'f:0:5:0']) {
      const decoded = decodeScene(`v=1&A.hidden=16&A.iv=${bad}`);
      expect(decoded.scene.panes[0]!.interventions).toEqual([]);
      expect(decoded.scene.panes[0]!.hiddenSize).toBe(16);
      expect(decoded.problems).toHaveLength(1);
      expect(decoded.changed).toEqual(['A.iv']);
    }
  });

  it('drops a list that does not fit the pane’s model or the input, with the engine’s reason', () => {
    // The default pane is an 8-unit LSTM on "hello world" (11 steps).
    const cases: [string, RegExp][] = [
      ['f:9:5:0', /unit must be an integer from 0 to 7/],
      ['f:3:12:0', /from and to/],
      ['f:3:5:1.5', /value must be from 0 to 1/],
      ['z:3:5:0', /gate must be one of i, f, g, o, c, h/],
      ['2/f:3:5:0', /layer must be/],
    ];
    for (const [item, reason] of cases) {
      const decoded = decodeScene(`v=1&A.iv=${item}`);
      expect(decoded.scene.panes[0]!.interventions).toEqual([]);
      expect(decoded.problems.join(' ')).toMatch(/Ignored the interventions of model A/);
      expect(decoded.problems.join(' ')).toMatch(reason);
    }
    expect(decodeScene('v=1&A.cell=gru&A.iv=z:3:5:0').scene.panes[0]!.interventions).toHaveLength(
      1,
    );
  });
});
