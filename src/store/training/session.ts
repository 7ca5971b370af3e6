/**
 * A training session as the worker runs it: one engine `Trainer` per pane, all on the same
 * task, seed and batches (a race in compare mode), stepped in lockstep in short slices so
 * the worker keeps answering its other jobs between them. Reports progress through a
 * callback: losses, held-out scores every {@link EVAL_EVERY} steps, weights at log-spaced
 * steps (the training-time scrubber) and the latest weights. No DOM and no timers here:
 * the worker (or a test) calls {@link TrainingSession.runSlice}.
 */
import { Trainer, type StateDict } from '../../engine';
import type {
  HeldOut,
  PaneProgress,
  TrainControl,
  TrainProgress,
  TrainStart,
  TrainState,
  WeightsAt,
} from './protocol';
import { trainingTask } from './task';

/** Steps between held-out scores (besides the snapshot steps, which are scored too). */
export const EVAL_EVERY = 25;
/** Fresh sequences each held-out score reads. */
export const EVAL_COUNT = 256;
/** Least time between two progress reports, ms (a few updates a second). */
export const REPORT_MS = 250;

/**
 * Whether the weights after `step` steps are kept for the scrubber: step 0, then two per
 * doubling (1, 2, 3, 4, 6, 8, 12, 16, 24, …), so at most 2·log₂(steps) + 2 are kept.
 */
export function isSnapshotStep(step: number): boolean {
  if (!Number.isInteger(step) || step < 0) return false;
  const pow2 = (n: number) => n >= 1 && Number.isInteger(n) && (n & (n - 1)) === 0;
  return step === 0 || pow2(step) || (step % 3 === 0 && pow2(step / 3));
}

interface PaneRun {
  readonly pane: string;
  readonly trainer: Trainer;
  losses: [number, number][];
  heldOut: HeldOut[];
  snapshots: WeightsAt[];
  reachedAt: number | null;
}

/** One session: its panes' trainers, its state and what is still to report. */
export class TrainingSession {
  private readonly panes: PaneRun[];
  private state: TrainState = 'running';
  private message = '';
  private lastReport = -Infinity;
  /** [time ms, step] of recent steps, for steps per second. */
  private readonly pace: [number, number][] = [];

  /**
   * Builds every pane's trainer at step 0 and scores it; throws an Error naming the pane
   * when a setting or a model is refused (nothing is reported then).
   */
  constructor(
    private readonly start: TrainStart,
    private readonly report: (progress: TrainProgress) => void,
    private readonly now: () => number = () => performance.now(),
  ) {
    const { settings } = start;
    const task = trainingTask(settings, start.numbers);
    this.panes = start.panes.map(({ pane, spec, initialParams }) => {
      try {
        const trainer = new Trainer({ ...spec, inputSize: task.inputSize }, task, {
          seed: settings.seed,
          batchSize: settings.batchSize,
          learningRate: settings.learningRate,
          clipNorm: settings.clipNorm,
          initialParams,
        });
        return { pane, trainer, losses: [], heldOut: [], snapshots: [], reachedAt: null };
      } catch (error) {
        throw new Error(`Model ${pane}: ${error instanceof Error ? error.message : error}`);
      }
    });
    for (const run of this.panes) {
      this.score(run);
      run.snapshots.push(weightsOf(run.trainer));
    }
    this.flush();
  }

  /** The session's state. */
  get current(): TrainState {
    return this.state;
  }

  /** Adam steps taken by every pane. */
  get step(): number {
    return this.panes[0]?.trainer.steps ?? 0;
  }

  /** Pause, resume, one step (when paused), or cancel; reports the new state at once. */
  control(request: TrainControl): void {
    if (this.state === 'done' || this.state === 'failed' || this.state === 'cancelled') return;
    if (request === 'pause') this.state = 'paused';
    else if (request === 'resume') this.state = 'running';
    else if (request === 'cancel') this.state = 'cancelled';
    else if (this.state === 'paused') this.stepAll();
    this.pace.length = 0;
    this.flush();
  }

  /**
   * While running, takes steps (every pane one at a time, in lockstep) for about
   * `budgetMs`, then reports when {@link REPORT_MS} has passed or the state changed.
   */
  runSlice(budgetMs: number): void {
    if (this.state !== 'running') return;
    const started = this.now();
    while (this.state === 'running' && this.now() - started < budgetMs) this.stepAll();
    if (this.state !== 'running' || this.now() - this.lastReport >= REPORT_MS) this.flush();
  }

  /** One step of every pane, its held-out score when due, and the end when reached. */
  private stepAll(): void {
    const { settings } = this.start;
    for (const run of this.panes) {
      let loss: number;
      try {
        loss = run.trainer.step();
      } catch (error) {
        this.state = 'failed';
        this.message = `Model ${run.pane} at step ${run.trainer.steps + 1}: ${error instanceof Error ? error.message : error}`;
        return;
      }
      const step = run.trainer.steps;
      run.losses.push([step, loss]);
      // Scored every EVAL_EVERY steps and at every snapshot, so the early curve has points
      // and each snapshot the scrubber shows has its own score.
      const snapshot = isSnapshotStep(step);
      if (snapshot || step % EVAL_EVERY === 0 || step >= settings.maxSteps) this.score(run);
      if (snapshot) run.snapshots.push(weightsOf(run.trainer));
    }
    this.pace.push([this.now(), this.step]);
    while (this.pace.length > 2 && this.pace[0]![0] < this.now() - 1000) this.pace.shift();
    const percent = `${Math.round(settings.targetAccuracy * 100)}%`;
    if (this.panes.every((run) => run.reachedAt !== null)) {
      this.state = 'done';
      this.message =
        this.panes.length === 1
          ? `Reached ${percent} held-out accuracy at step ${this.panes[0]!.reachedAt}.`
          : `Every model reached ${percent} held-out accuracy (${this.panes.map((r) => `${r.pane} at step ${r.reachedAt}`).join(', ')}).`;
    } else if (this.step >= settings.maxSteps) {
      this.state = 'done';
      const missed = this.panes.filter((r) => r.reachedAt === null).map((r) => r.pane);
      this.message = `Stopped at the step budget, ${settings.maxSteps} steps; ${this.panes.length === 1 ? 'the model has not' : `${missed.join(', ')} ha${missed.length === 1 ? 's' : 've'} not`} reached ${percent} held-out accuracy.`;
    }
  }

  /** Scores a pane on the held-out sequences and notes when it first reaches the target. */
  private score(run: PaneRun): void {
    const { loss, accuracy } = run.trainer.evaluate(EVAL_COUNT);
    const step = run.trainer.steps;
    run.heldOut.push({ step, loss, accuracy });
    if (run.reachedAt === null && accuracy >= this.start.settings.targetAccuracy) {
      run.reachedAt = step;
    }
  }

  /** Reports the state and every pane's news, then forgets the news. */
  private flush(): void {
    const ended = this.state !== 'running' && this.state !== 'paused';
    const panes: PaneProgress[] = this.panes.map((run) => {
      const latest = weightsOf(run.trainer);
      const last = run.snapshots[run.snapshots.length - 1];
      // The final weights join the scrubber, so its last position is where training ended.
      if (ended && last?.step !== latest.step) run.snapshots.push(latest);
      const news: PaneProgress = {
        pane: run.pane,
        losses: run.losses,
        heldOut: run.heldOut,
        snapshots: run.snapshots,
        latest,
        reachedAt: run.reachedAt,
      };
      run.losses = [];
      run.heldOut = [];
      run.snapshots = [];
      return news;
    });
    this.lastReport = this.now();
    this.report({
      state: this.state,
      step: this.step,
      stepsPerSecond: this.stepsPerSecond(),
      message: this.message,
      panes,
    });
  }

  /** Steps per second over the recent steps (0 when fewer than two were timed). */
  private stepsPerSecond(): number {
    if (this.state !== 'running' || this.pace.length < 2) return 0;
    const [t0, s0] = this.pace[0]!;
    const [t1, s1] = this.pace[this.pace.length - 1]!;
    return t1 > t0 ? ((s1 - s0) * 1000) / (t1 - t0) : 0;
  }
}

/** A trainer's current weights, recurrent and head together, under PyTorch's names. */
function weightsOf(trainer: Trainer): WeightsAt {
  const { step, params, head } = trainer.snapshot();
  return { step, params: { ...params, ...head } as StateDict };
}
