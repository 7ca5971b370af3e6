/**
 * The one place a decoded link is brought into what the page shows. Each setting a codec
 * accepted on its own may still not be shown as written beside the others: a length the
 * task does not take, a step past the end, a unit no model has, a lesson that does not
 * exist. Each is set to what the page will show (so the address, rewritten from the
 * scene, says it too) and reported with the link key it changed, never dropped in silence.
 */
import {
  interventionsProblem,
  LIMITS,
  taskLengthRange,
  sequenceLength,
  type SceneSnapshot,
} from '../scene';

/** The lessons a link may open: the number of stops of each lesson, by id. */
export type LessonStops = ReadonlyMap<string, number>;

/** Receives one change: the link key it is about, and a sentence for the notice. */
export type ReportChange = (key: string, sentence: string) => void;

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * Brings `scene` (a fresh snapshot being decoded) into what the page shows, reporting each
 * change. `lessons` lists the lessons that exist; without it, whether the lesson exists and
 * has that stop is not checked (the app always passes it; code building its own lesson
 * links and tests may not). A stop without a lesson is always dropped.
 */
export function settleScene(
  scene: SceneSnapshot,
  report: ReportChange,
  lessons?: LessonStops,
): void {
  settleTaskLength(scene, report);
  settleStep(scene, report);
  settleSelectionOfPanes(scene, report);
  settleInterventions(scene, report);
  settleLesson(scene, report, lessons);
}

/**
 * A pane's interventions must fit its model and the input (the engine's own check, on the
 * pane's settings): a list that does not is dropped whole, with the engine's reason.
 */
function settleInterventions(scene: SceneSnapshot, report: ReportChange): void {
  const T = sequenceLength(scene.input);
  scene.panes = scene.panes.map((pane) => {
    const problem = interventionsProblem(pane, T, pane.interventions);
    if (problem === null) return pane;
    report(`${pane.id}.iv`, `Ignored the interventions of model ${pane.id}: ${problem}`);
    return { ...pane, interventions: [] };
  });
}

/** A task takes lengths from its own range: the control and the run both show the one used. */
function settleTaskLength(scene: SceneSnapshot, report: ReportChange): void {
  const { input } = scene;
  if (input.kind !== 'task') return;
  const { min, max } = taskLengthRange(input);
  const used = Math.min(max, Math.max(min, input.length));
  if (used === input.length) return;
  report(
    'len',
    `The sequence length ${input.length} is outside what the task ${input.task} takes (${min} to ${max} steps); used ${used}.`,
  );
  scene.input = { ...input, length: used };
}

/** The step stays inside 1..T, as the store keeps it (an app-made link never has t > T). */
function settleStep(scene: SceneSnapshot, report: ReportChange): void {
  const T = sequenceLength(scene.input);
  if (scene.t <= T) return;
  report('t', `The time step ${scene.t} is past the end of the input (${T} steps); used ${T}.`);
  scene.t = T;
}

/** How many layer entries (one per direction) and units one pane's model has. */
export interface PaneExtent {
  readonly layers: number;
  readonly units: number;
}

/**
 * Layer and unit stay inside the largest model: each pane shows them clamped to its own
 * size (panes may differ), so a value past every pane would be shown as another one. A
 * pane of an imported model has its size only once the model is here: while any pane
 * runs one, the link's layer and unit stay as read (within SELECTION_LIMITS), and the
 * store clamps them with {@link settleSelection} when the models are known.
 */
function settleSelectionOfPanes(scene: SceneSnapshot, report: ReportChange): void {
  if (scene.panes.some((p) => p.imported !== '')) return;
  settleSelection(
    scene,
    scene.panes.map((p) => ({ layers: p.numLayers, units: p.hiddenSize })),
    report,
  );
}

/**
 * Clamps `scene`'s layer and unit to the largest of the panes' `extents`, reporting each
 * change with its link key. Also used by the store once imported models are known.
 */
export function settleSelection(
  scene: Pick<SceneSnapshot, 'layer' | 'unit'>,
  extents: readonly PaneExtent[],
  report: ReportChange,
): void {
  const layers = Math.max(LIMITS.numLayers.min, ...extents.map((e) => e.layers));
  if (scene.layer > layers - 1) {
    report(
      'layer',
      `The layer ${scene.layer + 1} is past the deepest model (${plural(layers, 'layer')}); used ${layers}.`,
    );
    scene.layer = layers - 1;
  }
  const units = Math.max(LIMITS.hiddenSize.min, ...extents.map((e) => e.units));
  if (scene.unit > units - 1) {
    report(
      'unit',
      `The unit ${scene.unit + 1} is past the largest model (${plural(units, 'unit')}); used ${units}.`,
    );
    scene.unit = units - 1;
  }
}

/** The lesson must exist, and its stop be one of its stops; a stop needs a lesson. */
function settleLesson(scene: SceneSnapshot, report: ReportChange, lessons?: LessonStops): void {
  if (lessons && scene.lesson !== '' && !lessons.has(scene.lesson)) {
    report(
      'lesson',
      `Could not open the lesson '${scene.lesson}' (Gatescope has no such lesson); opened none.`,
    );
    scene.lesson = '';
  }
  if (scene.lesson === '') {
    if (scene.stop !== 0) {
      report('stop', `Ignored the lesson stop ${scene.stop + 1}: the link opens no lesson.`);
      scene.stop = 0;
    }
    return;
  }
  const stops = lessons?.get(scene.lesson);
  if (stops !== undefined && scene.stop > stops - 1) {
    report(
      'stop',
      `The lesson stop ${scene.stop + 1} is past the end of the lesson ${scene.lesson} (${plural(stops, 'stop')}); used ${stops}.`,
    );
    scene.stop = stops - 1;
  }
}
