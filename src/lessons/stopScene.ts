import { decodeScene } from '../io/sceneUrl';
import type { InputSettings, PaneSettings, SceneSnapshot } from '../scene';
import { lessonStops, stopHash } from './navigate';
import type { CaptionDependency, Lesson, LessonStop } from './types';

/** The part of a scene a caption is filled from and compared on. */
export type StopScene = Pick<SceneSnapshot, 'panes' | 'input' | 't' | 'unit' | 'layer' | 'naming'>;

/** The scene of stop `k` (0-based) of a lesson: its link decoded, as Previous/Next set it. */
export function stopScene(lesson: Lesson, k: number): SceneSnapshot {
  return decodeScene(stopHash(lesson, k), lessonStops()).scene;
}

/** Placeholder names whose value changes with the step shown. */
const PER_STEP = new Set(['t', 'x', 'readout']);
/** Placeholder names that are not a quantity of the trace. */
const WHOLE_RUN = new Set([
  'T',
  't',
  'unit',
  'x',
  'readout',
  'accuracy',
  'chance',
  'params',
  'grad',
]);

/**
 * What a stop's caption depends on besides the models and the input (always): the step
 * for per-step numbers ({A.f}, {A.x}, {A.readout}, {t}), the unit for a unit's numbers,
 * the layer for a layer's (gates, {A.grad}), and whatever the stop declares for its words.
 */
export function captionDependencies(stop: LessonStop): ReadonlySet<CaptionDependency> {
  const deps = new Set<CaptionDependency>(stop.dependsOn ?? []);
  for (const [, , name] of stop.caption.matchAll(/\{(?:([ABC])\.)?([A-Za-z]+)\}/g)) {
    const quantity = !WHOLE_RUN.has(name!);
    if (quantity || PER_STEP.has(name!)) deps.add('t');
    if (quantity || name === 'unit') deps.add('unit');
    if (quantity || name === 'grad') deps.add('layer');
  }
  return deps;
}

const CELL_NAMES: Record<PaneSettings['cell'], string> = {
  rnn: 'an RNN',
  lstm: 'an LSTM',
  gru: 'a GRU',
};
const INPUT_NAMES: Record<InputSettings['kind'], string> = {
  text: 'text',
  sine: 'a sine wave',
  square: 'a square wave',
  step: 'a step',
  impulse: 'an impulse',
  noise: 'noise',
  task: 'a task sample',
  numbers: 'your numbers',
};

/** "now X, the stop has Y" for one setting. */
const change = (what: string, now: string | number, was: string | number) =>
  `${what} is ${now}, not ${was}`;

/** The differences of one pane from the stop's, in words ("model A is a GRU, not an LSTM"). */
function paneDifferences(stop: PaneSettings, now: PaneSettings | undefined): string[] {
  const name = `model ${stop.id}`;
  if (!now) return [`${name} was removed`];
  const out: string[] = [];
  if (now.cell !== stop.cell) out.push(change(name, CELL_NAMES[now.cell], CELL_NAMES[stop.cell]));
  if (now.trained !== stop.trained) {
    if (!now.trained) out.push(`${name} runs random weights, not the trained model`);
    else out.push(`${name} runs another trained model`);
  }
  if (now.hiddenSize !== stop.hiddenSize)
    out.push(change(`${name}’s size`, `${now.hiddenSize} units`, stop.hiddenSize));
  if (now.numLayers !== stop.numLayers)
    out.push(change(`${name}’s depth`, `${now.numLayers} layers`, stop.numLayers));
  if (out.length > 0 || stop.trained) return out; // a trained model's file sets the rest
  if (now.weightScale !== stop.weightScale)
    out.push(change(`${name}’s weight scale`, now.weightScale, stop.weightScale));
  if (now.seed !== stop.seed) out.push(change(`${name}’s seed`, now.seed, stop.seed));
  if (now.init !== stop.init) out.push(change(`${name}’s init`, now.init, stop.init));
  if (stop.cell === 'lstm' && now.forgetBias !== stop.forgetBias)
    out.push(change(`${name}’s forget-gate bias`, now.forgetBias, stop.forgetBias));
  if (stop.cell === 'rnn' && now.nonlinearity !== stop.nonlinearity)
    out.push(change(`${name}’s activation`, now.nonlinearity, stop.nonlinearity));
  if (stop.cell === 'gru' && now.convention !== stop.convention)
    out.push(change(`${name}’s convention`, now.convention, stop.convention));
  return out;
}

/** The differences of the input from the stop's, in words. */
function inputDifferences(stop: InputSettings, now: InputSettings): string[] {
  if (now.kind !== stop.kind)
    return [change('the input', INPUT_NAMES[now.kind], INPUT_NAMES[stop.kind])];
  const out: string[] = [];
  if (stop.kind === 'text') {
    if (now.text !== stop.text) out.push(change('the text', `“${now.text}”`, `“${stop.text}”`));
    return out;
  }
  if (stop.kind === 'numbers') {
    if (now.numbers !== stop.numbers) out.push('the numbers are not the stop’s');
    return out;
  }
  if (stop.kind === 'task' && now.task !== stop.task)
    out.push(change('the task', now.task, stop.task));
  if (now.length !== stop.length)
    out.push(change('the length', `${now.length} steps`, stop.length));
  if ((stop.kind === 'task' || stop.kind === 'noise') && now.seed !== stop.seed)
    out.push(change(stop.kind === 'task' ? 'the sample' : 'the noise seed', now.seed, stop.seed));
  return out;
}

/**
 * How the live scene differs from a stop's scene in what the stop's caption depends on,
 * one phrase each ("the step is 15, not 1"); empty when the caption is true of the screen.
 * Models and the input always count (a pane the user added does not); the step, unit,
 * layer and gate names count when {@link captionDependencies} says so.
 */
export function sceneDifferences(stop: LessonStop, at: StopScene, live: StopScene): string[] {
  const deps = captionDependencies(stop);
  const out = at.panes.flatMap((pane) =>
    paneDifferences(
      pane,
      live.panes.find((p) => p.id === pane.id),
    ),
  );
  out.push(...inputDifferences(at.input, live.input));
  if (deps.has('t') && live.t !== at.t) out.push(change('the step', live.t, at.t));
  if (deps.has('unit') && live.unit !== at.unit)
    out.push(change('the unit', live.unit + 1, at.unit + 1));
  if (deps.has('layer') && live.layer !== at.layer)
    out.push(change('the layer', live.layer + 1, at.layer + 1));
  if (deps.has('naming') && live.naming !== at.naming)
    out.push(
      live.naming === 'lfru'
        ? 'the gates have the learn / forget / remember / use names'
        : 'the gates have their textbook names',
    );
  return out;
}

/** True when two plain objects have the same keys with identical (===) values. */
function same(a: object, b: object): boolean {
  const ka = Object.keys(a) as (keyof typeof a)[];
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

/**
 * The scene to fill a caption from: the stop's, but holding the live scene's own pane and
 * input objects wherever they are equal, so the runs the page already computed (memoized
 * per object) are reused and only what the user changed is computed again for the caption.
 */
export function captionSceneOf(at: StopScene, live: StopScene): StopScene {
  const panes = at.panes.map((pane) => {
    const now = live.panes.find((p) => p.id === pane.id);
    return now && same(now, pane) ? now : pane;
  });
  const input = same(live.input, at.input) ? live.input : at.input;
  return { ...at, panes, input };
}
