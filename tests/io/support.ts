import fc from 'fast-check';
import { TASK_NAMES } from '../../src/engine';
import { LIMITS, sequenceLength, SPEEDS, type PaneId, type PaneSettings } from '../../src/scene';
import { wellFormed } from '../../src/io/codecs';
import type { SceneSnapshot } from '../../src/io/sceneSchema';

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

/** Any code point (lone surrogates filtered out below): ASCII, accents, CJK, emoji (astral), spaces and newlines. */
const char = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  pick(['é', 'ß', '中', '文', '🎉', '👩‍🔬', ' ', '\n', '&', '=', '#', '%', '+', '~']),
);

/** A valid input text: 1–`max` code points. */
export const textArb = (max: number = LIMITS.textLength.max) =>
  fc
    .array(char, { minLength: 1, maxLength: max })
    .map((chars) => chars.join(''))
    .filter((t) => {
      const n = Array.from(t).length;
      return n >= 1 && n <= LIMITS.textLength.max && t === wellFormed(t);
    });

const paneArb = (id: PaneId): fc.Arbitrary<PaneSettings> =>
  fc.record({
    id: fc.constant(id),
    cell: pick(['rnn', 'lstm', 'gru'] as const),
    hiddenSize: fc.integer(LIMITS.hiddenSize),
    numLayers: fc.integer(LIMITS.numLayers),
    seed: fc.integer(LIMITS.seed),
    init: pick(['pytorch', 'xavier', 'orthogonal'] as const),
    weightScale: fc.double({ ...LIMITS.weightScale, noNaN: true }),
    // −0 reads back as 0, which is the same setting.
    forgetBias: fc.double({ ...LIMITS.forgetBias, noNaN: true }).map((v) => v + 0),
    nonlinearity: pick(['tanh', 'relu'] as const),
    convention: pick(['pytorch', 'classic'] as const),
    trained: pick(['', 'remember-first-50-lstm', 'parity-20-gru'] as const),
  });

/** Any valid scene a link can carry (panes in letter order; t inside 1..T). */
export const sceneArb: fc.Arbitrary<SceneSnapshot> = fc
  .record({
    ids: fc.subarray(['A', 'B', 'C'] as PaneId[], { minLength: 1 }),
    panes: fc.tuple(paneArb('A'), paneArb('B'), paneArb('C')),
    kind: pick(['text', 'sine', 'square', 'step', 'impulse', 'noise', 'task'] as const),
    task: pick(TASK_NAMES),
    text: textArb(80),
    length: fc.integer(LIMITS.sequenceLength),
    inputSeed: fc.integer(LIMITS.seed),
    t: fc.integer({ min: 1, max: LIMITS.sequenceLength.max }),
    speed: pick(SPEEDS),
    layer: fc.integer({ min: 0, max: LIMITS.numLayers.max - 1 }),
    unit: fc.integer({ min: 0, max: LIMITS.hiddenSize.max - 1 }),
    naming: pick(['standard', 'lfru'] as const),
    notation: pick(['pytorch', 'concat'] as const),
    views: fc.record({
      diagram: fc.boolean(),
      heatmaps: fc.boolean(),
      equations: fc.boolean(),
      gradients: fc.boolean(),
    }),
    presentation: fc.boolean(),
    editingHidden: fc.boolean(),
    theme: pick(['system', 'light', 'dark'] as const),
    lesson: pick(['', 'conveyor-belt', 'why-rnns-forget'] as const),
    stop: fc.integer({ min: 0, max: 19 }),
  })
  .map((r) => {
    const input = { kind: r.kind, text: r.text, length: r.length, seed: r.inputSeed, task: r.task };
    const T = sequenceLength(input);
    return {
      panes: r.panes.filter((p) => r.ids.includes(p.id)),
      input,
      t: Math.min(r.t, T),
      speed: r.speed,
      layer: r.layer,
      unit: r.unit,
      naming: r.naming,
      notation: r.notation,
      views: r.views,
      presentation: r.presentation,
      editingHidden: r.editingHidden,
      theme: r.theme,
      lesson: r.lesson,
      stop: r.lesson ? r.stop : 0,
    };
  });
