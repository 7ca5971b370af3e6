/**
 * A guided lesson is data: a scene in the link schema (the same `#v=1&…` text a shared
 * link carries) and a few captioned stops. Captions may quote live numbers of the scene
 * through placeholders, filled by `fillCaption` (see captions.ts):
 * `{A.f}` a quantity of pane A at the current step, unit and layer (any trace name:
 * i f g o c h, r z n, pre; `x` the input token); `{A.readout}` what a trained model's
 * read-out says; `{A.accuracy}` and `{A.chance}` its held-out accuracy and chance;
 * `{A.grad}` ‖∂h_T/∂h_1‖ (h_1 the state after step 1; T − 1 steps back); `{A.params}` its parameter count; `{t}`, `{T}`, `{unit}`.
 */
export interface LessonStop extends LessonStopOutline {
  /**
   * What to look at, in two or three sentences; may hold placeholders. Its numbers are
   * those of the stop's own scene, whatever the user has changed since.
   */
  readonly caption: string;
}

/** A stop without its caption: what navigating to it and presenting it need. */
export interface LessonStopOutline {
  /**
   * Settings this stop changes on top of the lesson's scene, in the link schema
   * ('t=12&unit=3', 'A.scale=3'): each stop is a whole scene, so Previous is exact.
   */
  readonly set?: string;
  /**
   * What the caption's words depend on beyond what its placeholders show (see
   * `captionDependencies`): 'naming' when it calls the gates by the naming's words.
   */
  readonly dependsOn?: readonly CaptionDependency[];
  /**
   * The views the caption refers to: presentation mode shows them, and opening the stop
   * brings the first into view.
   */
  readonly views?: readonly StopView[];
}

/** A setting of the scene, beyond its models and input, that a caption may depend on. */
export type CaptionDependency = 't' | 'unit' | 'layer' | 'naming';

/** The views a stop can refer to: the region ids of the page. */
export const STOP_VIEWS = ['heatmaps', 'gradients', 'summary', 'equations'] as const;

/** A view a stop refers to (`summary` is the Comparison table). */
export type StopView = (typeof STOP_VIEWS)[number];

/**
 * The rows of the table "What the notes teach" in NOTES.md, one key each; every row must
 * be taught by some lesson (a test checks the union).
 */
export const NOTES_ROWS = [
  'hidden-state',
  'bptt',
  'vanishing-exploding',
  'lstm-memory',
  'lstm-gates',
  'gate-naming',
  'gru',
  'gru-cost',
  'deep',
  'lstm-drawbacks',
  'applications',
] as const;

/** One row of the notes' table. */
export type NotesRow = (typeof NOTES_ROWS)[number];

/** One guided lesson. */
export interface Lesson extends LessonOutline {
  readonly stops: readonly LessonStop[];
}

/** A lesson without its stops' captions (see `LESSON_OUTLINES`). */
export interface LessonOutline {
  /** Stable id, used in links (`lesson=conveyor-belt`). */
  readonly id: string;
  readonly title: string;
  /** The title in two or three words, for the Lesson select on a phone (20 characters at most). */
  readonly shortTitle: string;
  /** What it teaches, in a few words. */
  readonly teaches: string;
  /** The rows of the notes' table it teaches. */
  readonly rows: readonly NotesRow[];
  /** Its opening scene, in the link schema, without '#'. */
  readonly scene: string;
  readonly stops: readonly LessonStopOutline[];
}
