/**
 * The typed messages of training in the app's worker: what the page asks (start a
 * session, pause, resume, one step, cancel) and what the worker reports (progress, with
 * losses, held-out scores and weights). Plain data only: it crosses postMessage.
 */
import type { ModelSpec, ModelTaskName, StateDict } from '../../engine';
import type { PastedTable } from '../../scene';

/** How every pane of a session trains: one task, one seed, the same batches for all. */
export interface TrainSettings {
  /** The task the batches come from ('numbers': the user's pasted table), and its sequence length T. */
  readonly task: ModelTaskName;
  readonly length: number;
  /** For 'numbers': the target columns, 0-based and increasing; the others are the inputs. */
  readonly targets: readonly number[];
  /** For 'numbers': the unscored first steps of each sequence, 0 ≤ warmup < T. */
  readonly warmup: number;
  /** Seed of the head, the batches and the held-out sequences, in [0, 2³²). */
  readonly seed: number;
  /** Sequences per Adam step, 1–256. */
  readonly batchSize: number;
  /** Adam's step size, (0, 1]. */
  readonly learningRate: number;
  /** The gradient's L2 norm is clipped to this before each step (> 0; Infinity for none). */
  readonly clipNorm: number;
  /** Held-out accuracy in (0, 1] at which a pane has learned the task; training ends when all have. */
  readonly targetAccuracy: number;
  /** Adam steps after which training ends anyway, ≥ 1. */
  readonly maxSteps: number;
  /**
   * Where the weights start: 'recipe', the pane's drawn weights with a keep-gate bias of 1
   * on the LSTM's f or the GRU's z (in place of the pane's forget bias); 'drawn', the pane's
   * drawn weights exactly as shown (init, scale, forget bias).
   */
  readonly start: 'recipe' | 'drawn';
}

/** One pane of a session: the model it trains, from its starting weights. */
export interface TrainPaneStart {
  /** The pane's letter ('A'), so progress reaches its curve. */
  readonly pane: string;
  readonly spec: ModelSpec;
  /** Starting weights under PyTorch's names (the pane's drawn weights). */
  readonly initialParams: StateDict;
}

/** A session to start: the shared settings and every pane's model. */
export interface TrainStart {
  readonly settings: TrainSettings;
  /** For 'numbers': the table pasted (column names, rows) the settings' targets are chosen in. */
  readonly numbers?: PastedTable;
  readonly panes: readonly TrainPaneStart[];
}

/** What the page can ask of a running session. */
export type TrainControl = 'pause' | 'resume' | 'step' | 'cancel';

/**
 * The user moved the time step: the worker stands aside (takes no training step) for
 * {@link STAND_ASIDE_MS}, so that the page has both cores while a key is held.
 */
export type StandAside = 'stand-aside';

/** How long one {@link StandAside} keeps training waiting, ms. */
export const STAND_ASIDE_MS = 400;

/** A session's state: training, paused (also after one Step), ended (target or budget), failed, cancelled. */
export type TrainState = 'running' | 'paused' | 'done' | 'failed' | 'cancelled';

/** One pane's weights at one step, as plain data (PyTorch names, head under 'head.*'). */
export interface WeightsAt {
  readonly step: number;
  readonly params: StateDict;
}

/** A held-out score: mean loss and accuracy (NaN where the task has none) on fresh sequences. */
export interface HeldOut {
  readonly step: number;
  readonly loss: number;
  readonly accuracy: number;
}

/** One pane's news since the last report. */
export interface PaneProgress {
  readonly pane: string;
  /** [step, training loss of that step's batch] for each step taken since the last report. */
  readonly losses: readonly (readonly [number, number])[];
  /** Held-out scores measured since the last report. */
  readonly heldOut: readonly HeldOut[];
  /** Weights kept for the training-time scrubber (log-spaced steps) since the last report. */
  readonly snapshots: readonly WeightsAt[];
  /** The latest weights. */
  readonly latest: WeightsAt;
  /** The first step whose held-out accuracy reached the target, or null. */
  readonly reachedAt: number | null;
}

/** A report from the worker: where the session stands and each pane's news. */
export interface TrainProgress {
  readonly state: TrainState;
  /** Adam steps taken (every pane takes the same). */
  readonly step: number;
  /** Steps per second over the last second of training (0 when paused). */
  readonly stepsPerSecond: number;
  /** Why it ended or failed, in words ("Every pane reached 95% held-out accuracy at …"). */
  readonly message: string;
  readonly panes: readonly PaneProgress[];
}
