import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createModel, forward, initParams, jacobianNorms } from '../../src/engine';
import { ABSENT, fillCaption, PENDING } from '../../src/lessons/captions';
import { LESSONS } from '../../src/lessons/lessons';
import { goToStop } from '../../src/lessons/navigate';
import { captionSceneOf, sceneDifferences, stopScene } from '../../src/lessons/stopScene';
import type { Lesson } from '../../src/lessons/types';
import { formatNorm } from '../../src/format/norm';
import {
  createSceneStore,
  loadTrainedModel,
  sequenceOf,
  setJsonFetcher,
  startTrainedModelSync,
  type SceneStore,
} from '../../src/store';
import type { CellType } from '../../src/engine';

/**
 * A caption's numbers describe its stop's scene. Every stop of every lesson is opened the
 * way the app opens it, then the scene is moved away from it in each way a user can (the
 * step, the unit, the layer, a model's cell, scale, seed or removal, the input, the gate
 * names): the caption must keep the stop's numbers, never show a raw placeholder, and say
 * that the screen differs whenever the change touches what it quotes or describes.
 */
beforeAll(() => {
  setJsonFetcher(async (url) =>
    JSON.parse(readFileSync(`public/${url.replace(/^\//, '')}`, 'utf8')),
  );
});

/** A store at stop `k` of `lesson`, its trained models loaded and synced as in the app. */
async function openStop(lesson: Lesson, k: number): Promise<SceneStore> {
  const store = createSceneStore();
  startTrainedModelSync(store);
  expect(goToStop(store, lesson.id, k)).toEqual([]);
  for (const pane of store.getState().panes) if (pane.trained) await loadTrainedModel(pane.trained);
  return store;
}

/** The caption the notes show, and how they say the screen differs. */
function notes(lesson: Lesson, k: number, store: SceneStore) {
  const at = stopScene(lesson, k);
  const live = store.getState();
  const stop = lesson.stops[k]!;
  return {
    text: fillCaption(stop.caption, captionSceneOf(at, live)),
    /** What the old notes showed: the caption filled from the live scene. */
    liveText: fillCaption(stop.caption, live),
    differences: sceneDifferences(stop, at, live),
  };
}

const OTHER_CELL: Record<CellType, CellType> = { lstm: 'gru', gru: 'rnn', rnn: 'lstm' };

/** Each way a user moves the scene away from a stop; `always` when the words describe it. */
const PERTURBATIONS: {
  name: string;
  always: boolean;
  apply: (store: SceneStore) => void;
}[] = [
  { name: 'step +14', always: false, apply: (s) => s.getState().stepBy(14) },
  { name: 'step −1', always: false, apply: (s) => s.getState().stepBy(-1) },
  {
    name: 'another unit',
    always: false,
    apply: (s) => s.getState().setUnit(s.getState().unit === 0 ? 1 : 0),
  },
  {
    name: 'another layer',
    always: false,
    apply: (s) => s.getState().setLayer(s.getState().layer === 0 ? 1 : 0),
  },
  {
    name: 'weight scale 2',
    always: true,
    apply: (s) => {
      const a = s.getState().panes[0]!;
      s.getState().updatePane(a.id, { weightScale: a.weightScale === 2 ? 1 : 2 });
    },
  },
  {
    name: 'another cell',
    always: true,
    apply: (s) => s.getState().updatePane('A', { cell: OTHER_CELL[s.getState().panes[0]!.cell] }),
  },
  {
    name: 'another seed',
    always: true,
    apply: (s) => s.getState().updatePane('A', { seed: s.getState().panes[0]!.seed + 1 }),
  },
  {
    name: 'another input',
    always: true,
    apply: (s) => {
      const { input } = s.getState();
      if (input.kind === 'text') s.getState().setInputText(`${input.text}!`);
      else s.getState().setInputSeed(input.seed + 1);
    },
  },
  {
    name: 'the other gate names',
    always: false,
    apply: (s) => s.getState().setNaming(s.getState().naming === 'lfru' ? 'standard' : 'lfru'),
  },
  {
    name: 'last model removed',
    always: true,
    apply: (s) => {
      const { panes } = s.getState();
      if (panes.length > 1) s.getState().removePane(panes[panes.length - 1]!.id);
      else s.getState().updatePane(panes[0]!.id, { hiddenSize: panes[0]!.hiddenSize + 1 });
    },
  },
];

for (const lesson of LESSONS) {
  describe(`lesson “${lesson.id}”`, () => {
    lesson.stops.forEach((stop, k) => {
      it(`stop ${k + 1}: keeps its own numbers, and says when the screen differs`, async () => {
        const store = await openStop(lesson, k);
        const arrived = notes(lesson, k, store);
        expect(arrived.differences).toEqual([]);
        expect(arrived.text).toBe(arrived.liveText); // at the stop, the screen's numbers
        for (const mark of ['{', '}', PENDING, ABSENT]) expect(arrived.text).not.toContain(mark);
        const words = new Set(stop.dependsOn ?? []);
        for (const change of PERTURBATIONS) {
          change.apply(store);
          const now = notes(lesson, k, store);
          const why = `${change.name}: ${stop.caption}`;
          expect(now.text, why).toBe(arrived.text);
          // The caption filled from the screen would say something else: it must say so.
          if (now.liveText !== arrived.text || change.always) {
            expect(now.differences.length, why).toBeGreaterThan(0);
          }
          if (change.name === 'the other gate names' && words.has('naming')) {
            expect(now.differences.join(), why).toMatch(/names/);
          }
          // Back to this stop: the scene is the stop's again and the notice goes.
          goToStop(store, lesson.id, k);
          for (const pane of store.getState().panes)
            if (pane.trained) await loadTrainedModel(pane.trained);
          expect(notes(lesson, k, store).differences, why).toEqual([]);
        }
      });
    });
  });
}

describe('the examples of issue 12', () => {
  const lesson = (id: string) => LESSONS.find((l) => l.id === id)!;

  it('lesson 1, stop 1, → 14 times: still x = +1 of step 1, and the notice names step 15', async () => {
    const l = lesson('conveyor-belt');
    const store = await openStop(l, 0);
    for (let n = 0; n < 14; n++) store.getState().stepBy(1);
    const { text, differences } = notes(l, 0, store);
    expect(text).toContain('x = +1');
    expect(differences).toEqual(['the step is 15, not 1']);
  });

  it('lesson 3, stop 1, weight scale 2: the caption keeps the norm at scale 1', async () => {
    const l = lesson('exploding-gradients');
    const store = await openStop(l, 0);
    store.getState().updatePane('A', { weightScale: 2 });
    const { text, differences } = notes(l, 0, store);
    // The stop's model, built here from the engine: an orthogonal 16-unit RNN, 60 noise steps.
    const spec = { cell: 'rnn' as const, inputSize: 1, hiddenSize: 16, numLayers: 1 };
    const model = createModel(spec, initParams(spec, { seed: 0, scheme: 'orthogonal' }));
    const sequence = sequenceOf(stopScene(l, 0).input);
    // h_1, the state after step 1: entry 1 of the engine's norms (entry 0 is h_0).
    const norm = jacobianNorms(model, forward(model, sequence.xs))[1]!;
    expect(text).toContain(`With weight scale 1: ‖∂h_T/∂h_1‖ = ${formatNorm(norm)}.`);
    expect(differences).toEqual(['model A’s weight scale is 2, not 1']);
  });

  it('lesson 1 switched to a GRU: no raw placeholders, and the notice says so', async () => {
    const l = lesson('conveyor-belt');
    const store = await openStop(l, 0);
    store.getState().updatePane('A', { cell: 'gru' });
    const { text, differences } = notes(l, 0, store);
    expect(text).not.toMatch(/[{}]/);
    expect(text).toMatch(/^This LSTM learned/);
    expect(differences[0]).toBe('model A is a GRU, not an LSTM');
  });
});
