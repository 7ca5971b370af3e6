import fc from 'fast-check';
import { TASK_NAMES, TASK_PARAMS } from '../../src/engine';
import { LESSONS } from '../../src/lessons/lessons';
import {
  INPUT_KINDS,
  LIMITS,
  sequenceLength,
  SPEEDS,
  type PaneId,
  type PaneSettings,
} from '../../src/scene';
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

/**
 * Valid pasted numbers: 1–12 rows of 1–4 finite numbers, written with commas, tabs,
 * semicolons or spaces, with or without a header row.
 */
export const numbersArb: fc.Arbitrary<string> = fc
  .record({
    rows: fc.integer({ min: 1, max: 4 }).chain((cols) =>
      fc.array(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), {
          minLength: cols,
          maxLength: cols,
        }),
        { minLength: 1, maxLength: 12 },
      ),
    ),
    separator: pick([',', '\t', ';', ' '] as const),
    header: fc.boolean(),
  })
  .map(({ rows, separator, header }) => {
    const lines = rows.map((row) => row.map(String).join(separator));
    const names = rows[0]!.map((_, k) => `f${k + 1}`).join(separator);
    return [...(header ? [names] : []), ...lines].join('\n');
  });

const paneArb = (id: PaneId): fc.Arbitrary<PaneSettings> =>
  fc
    .record({
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
      imported: pick(['', 'imp-0a1b2c3d'] as const),
      importName: pick(['', 'm.pt — lstm'] as const),
      interventions: fc.constant([]),
    })
    .map((pane) => (pane.trained ? { ...pane, imported: '', importName: '' } : pane));

/** A whole number `n` brought into `min..max`. */
const within = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

/**
 * Any valid scene a link can carry, as the page shows it: panes in letter order; a task's
 * length in the range the task takes; t inside 1..T; the layer and unit inside the largest
 * model; a stop of an existing lesson.
 */
export const sceneArb: fc.Arbitrary<SceneSnapshot> = fc
  .record({
    ids: fc.subarray(['A', 'B', 'C'] as PaneId[], { minLength: 1 }),
    panes: fc.tuple(paneArb('A'), paneArb('B'), paneArb('C')),
    kind: pick(INPUT_KINDS),
    task: pick(TASK_NAMES),
    text: textArb(80),
    numbers: numbersArb,
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
    const taskRange = TASK_PARAMS[r.task].length;
    const length = r.kind === 'task' ? within(r.length, taskRange.min, taskRange.max) : r.length;
    const input = {
      kind: r.kind,
      text: r.text,
      length,
      seed: r.inputSeed,
      task: r.task,
      numbers: r.numbers,
    };
    const T = sequenceLength(input);
    const panes = r.panes.filter((p) => r.ids.includes(p.id));
    const stops = LESSONS.find((l) => l.id === r.lesson)?.stops.length ?? 1;
    return {
      panes,
      input,
      t: Math.min(r.t, T),
      speed: r.speed,
      layer: Math.min(r.layer, Math.max(...panes.map((p) => p.numLayers)) - 1),
      unit: Math.min(r.unit, Math.max(...panes.map((p) => p.hiddenSize)) - 1),
      naming: r.naming,
      notation: r.notation,
      views: r.views,
      presentation: r.presentation,
      editingHidden: r.editingHidden,
      theme: r.theme,
      lesson: r.lesson,
      stop: r.lesson ? Math.min(r.stop, stops - 1) : 0,
    };
  });
