/**
 * The page's side of training: starts a session in the app's worker for every pane (a race
 * in compare mode: the same task, seed and batches), hears its progress, writes the
 * status and curves into the store, and shows each pane's latest weights (or the snapshot
 * the scrubber chose) through the trained-model registry, a few times a second. The main
 * thread never trains.
 */
import { initParams, type ModelSpec, type Task } from '../../engine';
import { pastedTable, type PaneId, type PaneSettings, type PastedTable } from '../../scene';
import type { LoadedModel } from '../../io/modelFile';
import type { GradientAnswer } from '../gradientWorker';
import type { SceneStore } from '../scene';
import { setTrainedModel } from '../trainedModels';
import {
  keepTrainedHere,
  STEPS_PER_EPOCH,
  trainedHereId,
  trainedHereModel,
  type StartedFrom,
} from '../trainedHere';
import { IDLE_TRAINING, RECIPE_KEEP_BIAS, type TrainCurve } from '../trainingSlice';
import { endStream, sendStream, tellWorker } from '../workerClient';
import {
  STAND_ASIDE_MS,
  type PaneProgress,
  type TrainControl,
  type TrainProgress,
  type TrainSettings,
  type WeightsAt,
} from './protocol';
import { trainingTask } from './task';

/** Loss points a curve keeps before neighbours are averaged in pairs. */
const MAX_POINTS = 4000;

/** What the page keeps of a pane's session beyond the store: weights and per-epoch losses. */
interface PaneSession {
  readonly modelId: string;
  readonly from: StartedFrom;
  readonly snapshots: WeightsAt[];
  latest: WeightsAt | null;
  /** Sum and count of the training losses per epoch of {@link STEPS_PER_EPOCH} steps. */
  readonly epochs: { sum: number; count: number }[];
}

let session: {
  readonly stream: number;
  readonly settings: TrainSettings;
  /** The task every pane trains on (for 'numbers', on the table pasted when training started). */
  readonly task: Task;
  readonly panes: Map<PaneId, PaneSession>;
} | null = null;

/** The spec a pane trains: its cell and sizes on the task's input. */
function specOf(pane: PaneSettings, inputSize: number): ModelSpec {
  const { cell, hiddenSize, numLayers, nonlinearity, convention } = pane;
  return { cell, inputSize, hiddenSize, numLayers, nonlinearity, convention };
}

/**
 * The task the Train panel's settings name, on the numbers the scene holds for 'numbers';
 * or the reason it cannot be trained on, in words (no numbers, no target, too few rows…).
 */
export function panelTask(
  settings: TrainSettings,
  numbersText: string,
): { task: Task; numbers: PastedTable | null } | { problem: string } {
  const numbers = settings.task === 'numbers' ? pastedTable(numbersText) : null;
  try {
    return { task: trainingTask(settings, numbers), numbers };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Starts training every pane of the scene from its drawn weights (cell, sizes, seed, init,
 * scale, forget bias) on the Train panel's settings, cancelling a session already running.
 * Returns a message when it cannot start (no worker, a refused model, numbers that cannot
 * be trained on: then nothing changes), else null.
 */
export function startTraining(store: SceneStore): string | null {
  const { panes, trainSettings: settings, input } = store.getState();
  const chosen = panelTask(settings, input.numbers);
  if ('problem' in chosen) return chosen.problem;
  stopSession();
  const { task, numbers } = chosen;
  const sessions = new Map<PaneId, PaneSession>();
  const starts = panes.map((pane) => {
    const spec = specOf(pane, task.inputSize);
    const recipe = settings.start === 'recipe';
    // The recipe: the drawn weights with a keep-gate bias (LSTM f, GRU z), as Jozefowicz et
    // al. (2015) advise; 'drawn': exactly the weights the pane shows.
    const from: StartedFrom = {
      spec,
      init: pane.init,
      weightScale: pane.weightScale,
      forgetBias: pane.cell === 'lstm' ? (recipe ? RECIPE_KEEP_BIAS : pane.forgetBias) : 0,
      updateBias: pane.cell === 'gru' && recipe ? RECIPE_KEEP_BIAS : 0,
    };
    const initialParams = initParams(spec, {
      seed: pane.seed,
      scheme: from.init,
      weightScale: from.weightScale,
      forgetBias: from.forgetBias,
      updateBias: from.updateBias,
    });
    sessions.set(pane.id, {
      modelId: trainedHereId(settings.task, settings.length, pane.cell),
      from,
      snapshots: [],
      latest: null,
      epochs: [],
    });
    return { pane: pane.id, spec, initialParams };
  });
  const start = { settings, panes: starts, ...(numbers ? { numbers } : {}) };
  const stream: number | null = sendStream({ job: { kind: 'train', start } }, (answer) =>
    hear(store, stream ?? -1, answer),
  );
  if (stream === null) {
    const message =
      'Training runs in the background worker, which is not available in this browser.';
    store.setState({ training: { ...IDLE_TRAINING, state: 'failed', message } });
    return message;
  }
  session = { stream, settings, task, panes: sessions };
  unwatch = watchStepping(store);
  store.setState({ training: { ...IDLE_TRAINING, state: 'running' } });
  return null;
}

/** Pause, resume, one step (when paused) or cancel the session. */
export function controlTraining(control: TrainControl): void {
  if (session) tellWorker({ job: { kind: 'train-control', control } });
}

/** Cancels the session, returns every pane it trained to its drawn weights, and clears the curves. */
export function resetTraining(store: SceneStore): void {
  const trained = session ? [...session.panes.entries()] : [];
  stopSession();
  const { setTrained } = store.getState();
  for (const [pane, { modelId }] of trained) {
    if (store.getState().panes.find((p) => p.id === pane)?.trained === modelId)
      setTrained(pane, null);
  }
  store.setState({ training: IDLE_TRAINING });
}

/**
 * Shows the weights every pane had at snapshot `step` (null: the latest), so the whole
 * scene — diagram, heatmaps, equations, read-out, gradients — reads that point of training.
 */
export function viewTrainingStep(store: SceneStore, step: number | null): void {
  store.setState((s) => ({ training: { ...s.training, viewStep: step } }));
  if (!session) return;
  for (const [, pane] of session.panes) {
    const at = step === null ? pane.latest : pane.snapshots.find((w) => w.step === step);
    const loaded = at ? loadedAt(store, pane, at) : null;
    if (loaded) setTrainedModel(loaded);
  }
}

/**
 * The weights pane `pane` had at each snapshot, oldest first (for the gate-over-training
 * view), with the session's settings; null when the pane has no session.
 */
export function snapshotsOf(
  pane: PaneId,
): { snapshots: readonly WeightsAt[]; settings: TrainSettings } | null {
  const found = session?.panes.get(pane);
  return found && session ? { snapshots: found.snapshots, settings: session.settings } : null;
}

function stopSession(): void {
  clearTimeout(waitTimer);
  waitingSince = null;
  unwatch?.();
  unwatch = null;
  if (!session) return;
  tellWorker({ job: { kind: 'train-control', control: 'cancel' } });
  endStream(session.stream);
  session = null;
}

/** One answer of the session's stream: progress, or the worker's failure. */
function hear(store: SceneStore, stream: number, answer: GradientAnswer): void {
  if (!session || session.stream !== stream) return;
  if ('training' in answer) {
    progress(store, answer.training);
    return;
  }
  const why = 'error' in answer ? answer.error : 'it sent an unexpected answer';
  endStream(stream);
  store.setState((s) => ({
    training: {
      ...s.training,
      state: 'failed',
      stepsPerSecond: 0,
      message: `Training stopped: the background worker failed (${why}). The last weights it sent are kept.`,
    },
  }));
}

/** Writes a progress report into the store and the registry. */
function progress(store: SceneStore, report: TrainProgress): void {
  const current = session!;
  const first = store.getState().training.snapshotSteps.length === 0;
  const { training } = store.getState();
  const curves = { ...training.curves };
  const snapshotSteps = new Set(training.snapshotSteps);
  for (const news of report.panes) {
    const pane = current.panes.get(news.pane as PaneId);
    if (!pane) continue;
    absorb(pane, news);
    for (const w of news.snapshots) snapshotSteps.add(w.step);
    curves[news.pane as PaneId] = curveWith(curves[news.pane as PaneId], pane.modelId, news);
  }
  store.setState({
    training: {
      state: report.state,
      step: report.step,
      stepsPerSecond: report.stepsPerSecond,
      message: report.message,
      curves,
      snapshotSteps: [...snapshotSteps].sort((a, b) => a - b),
      viewStep: training.viewStep,
    },
  });
  const ended = report.state !== 'running';
  // While the user steps, new weights wait (see showLatest); the first and the last never do.
  if (!first && !ended) {
    showLatest(store);
    return;
  }
  for (const [paneId, pane] of current.panes) {
    if (!pane.latest) continue;
    const latest = loadedAt(store, pane, pane.latest);
    if (latest && training.viewStep === null) setTrainedModel(latest);
    if (first) {
      const { cell, hiddenSize, numLayers } = pane.from.spec;
      const { task, length } = current.settings;
      store
        .getState()
        .setTrained(paneId, { id: pane.modelId, cell, hiddenSize, numLayers, task, length });
    }
    // Paused or ended: this browser keeps the model, so a reload or a link finds it.
    if (ended && latest) void keepTrainedHere(latest.file);
  }
  if (report.state === 'done' || report.state === 'failed' || report.state === 'cancelled') {
    endStream(current.stream);
  }
}

/** New weights wait while the user has stepped within this many ms… */
const STEPPING_QUIET_MS = 400;
/** …but never longer than this, ms (playback at 4× steps every ~175 ms). */
const MAX_WAIT_MS = 2000;
/** When the user last moved the time step (performance.now()), and since when weights wait. */
let lastStep = -Infinity;
let waitingSince: number | null = null;
let waitTimer: ReturnType<typeof setTimeout> | undefined;

/** Notes each move of the time step while a session runs; returns the unsubscribe. */
function watchStepping(store: SceneStore): () => void {
  let toldAt = -Infinity;
  return store.subscribe((s, prev) => {
    if (s.t === prev.t) return;
    lastStep = performance.now();
    // The worker stands aside while the user steps (not while the sequence plays on its own,
    // which would stop training): told at most every quarter of its wait.
    const byHand = !s.playing && !prev.playing;
    if (
      session &&
      byHand &&
      s.training.state === 'running' &&
      lastStep - toldAt > STAND_ASIDE_MS / 4
    ) {
      toldAt = lastStep;
      tellWorker({ job: { kind: 'train-control', control: 'stand-aside' } });
    }
  });
}
let unwatch: (() => void) | null = null;

/**
 * Shows every pane's latest weights, unless the user is stepping through the sequence:
 * then they wait until stepping pauses for {@link STEPPING_QUIET_MS} (at most
 * {@link MAX_WAIT_MS}), so that a held arrow key stays as smooth as when nothing trains.
 */
function showLatest(store: SceneStore): void {
  const now = performance.now();
  waitingSince ??= now;
  const quiet = now - lastStep;
  clearTimeout(waitTimer);
  if (quiet < STEPPING_QUIET_MS && now - waitingSince < MAX_WAIT_MS) {
    waitTimer = setTimeout(() => showLatest(store), STEPPING_QUIET_MS - quiet);
    return;
  }
  waitingSince = null;
  if (!session || store.getState().training.viewStep !== null) return;
  for (const [, pane] of session.panes) {
    const latest = pane.latest && loadedAt(store, pane, pane.latest);
    if (latest) setTrainedModel(latest);
  }
}

/** Keeps a pane's news: snapshots, latest weights, per-epoch loss sums. */
function absorb(pane: PaneSession, news: PaneProgress): void {
  pane.snapshots.push(...news.snapshots);
  pane.latest = news.latest;
  for (const [step, loss] of news.losses) {
    const e = Math.floor((step - 1) / STEPS_PER_EPOCH);
    const epoch = (pane.epochs[e] ??= { sum: 0, count: 0 });
    epoch.sum += loss;
    epoch.count += 1;
  }
}

/** The curve with the news appended, thinned when it grows past {@link MAX_POINTS}. */
function curveWith(curve: TrainCurve | undefined, modelId: string, news: PaneProgress): TrainCurve {
  let steps = [...(curve?.steps ?? []), ...news.losses.map(([s]) => s)];
  let losses = [...(curve?.losses ?? []), ...news.losses.map(([, l]) => l)];
  if (steps.length > MAX_POINTS) {
    const half = (xs: number[]) =>
      Array.from(
        { length: Math.floor(xs.length / 2) },
        (_, k) => (xs[2 * k]! + xs[2 * k + 1]!) / 2,
      );
    steps = half(steps);
    losses = half(losses);
  }
  return {
    modelId,
    steps,
    losses,
    heldOut: [...(curve?.heldOut ?? []), ...news.heldOut],
    reachedAt: news.reachedAt,
  };
}

/** Weights `at` of a pane as a model file, ready to show; null (with a warning) when they do not build. */
function loadedAt(store: SceneStore, pane: PaneSession, at: WeightsAt): LoadedModel | null {
  const current = session!;
  const curve = Object.values(store.getState().training.curves).find(
    (c) => c?.modelId === pane.modelId,
  );
  const scored = curve?.heldOut.filter((h) => h.step <= at.step).at(-1);
  const perEpoch = pane.epochs.map((e) => e.sum / e.count);
  try {
    return trainedHereModel(
      pane.modelId,
      at,
      current.settings,
      current.task,
      pane.from,
      perEpoch,
      scored,
    );
  } catch (error) {
    console.warn('Weights trained here could not be shown:', error);
    return null;
  }
}
