/**
 * A lesson a teacher wrote, as a file and as a link's `L=` value, and back. Both are
 * untrusted: the reader checks every field and size before using it, reads each stop's
 * scene as a link is read (what cannot be read takes its default, and is said), and
 * refuses what is not a lesson with one sentence saying why. Loaded on demand, never with
 * the first paint.
 *
 * The file (`gatescope-lesson/1`, JSON):
 * `{ "format": "gatescope-lesson/1", "title": "…", "description": "…",
 *    "stops": [{ "scene": "panes=A&A.cell=lstm&t=3", "caption": "…", "views": ["heatmaps"] }] }`
 * `scene` is link text (src/io/sceneSchema.ts) without `v=1`; `views` is optional.
 */
import { compressText, decompressText } from '../io/compress';
import type { LinkNoticeStore } from '../io/notices';
import { isObject, kind } from '../io/jsonChecks';
import { defaultSnapshot, MAX_LESSON_STOPS, type SceneSnapshot } from '../io/sceneSchema';
import { decodeScene, encodeScene } from '../io/sceneUrl';
import { AUTHORED_ID } from './authored';
import { unknownPlaceholders } from './captions';
import { STOP_VIEWS, type Lesson, type StopView } from './types';

/** Heading of the notice about an authored lesson a link or file held. */
export const LESSON_NOTICE_TITLE = 'About this lesson';

/** Adds sentences to the notice shown (or shows one under `title`). */
export function addNotice(notices: LinkNoticeStore, title: string, sentences: string[]): void {
  if (sentences.length === 0) return;
  const shown = notices.getState();
  shown.show(shown.title ?? title, [...shown.problems, ...sentences]);
}

/** The format tag of a lesson file this code writes and reads. */
export const LESSON_FORMAT = 'gatescope-lesson/1';

/** Largest lesson file read, in bytes (or characters of a text): more is refused unread. */
export const MAX_LESSON_FILE_BYTES = 512 * 1024;

/** Longest `L=` value of a link: a longer lesson is saved as a file instead. */
export const MAX_LESSON_LINK_CHARS = 16_000;

/** Limits of a lesson's texts, in characters. */
export const LESSON_LIMITS = {
  title: 120,
  description: 600,
  caption: 2000,
  scene: 8000,
} as const;

/** One stop of a lesson being written: its scene (link text, no `v=1`) and caption. */
export interface DraftStop {
  readonly scene: string;
  readonly caption: string;
  /** The views the caption refers to (shown in presentation mode). */
  readonly views: readonly StopView[];
}

/** A lesson as a teacher writes it and its file holds. */
export interface LessonDraft {
  readonly title: string;
  /** A short description; may be ''. */
  readonly description: string;
  readonly stops: readonly DraftStop[];
}

/** A lesson read: the lesson and what was not read as written; or why it was refused. */
export type LessonRead =
  { readonly draft: LessonDraft; readonly notes: readonly string[] } | { readonly problem: string };

/** Settings of how a scene is shown, not what it shows: a stop never holds them. */
const HOW_SHOWN = ['lesson', 'stop', 'presentation', 'editingHidden', 'theme'] as const;

/**
 * The scene a stop holds, as link text without `v=1`: everything the link holds but the
 * lesson, its stop and how it is shown (theme, presentation, hidden panels), which stay
 * the viewer's own as they move between stops.
 */
export function stopSceneText(state: SceneSnapshot): string {
  const base = defaultSnapshot();
  const scene: SceneSnapshot = { ...state };
  for (const key of HOW_SHOWN) (scene as unknown as Record<string, unknown>)[key] = base[key];
  return encodeScene(scene).replace(/^v=\d+&?/, '');
}

/** The lesson file's text (pretty JSON, so that a teacher can read and diff it). */
export function lessonJson(draft: LessonDraft): string {
  const stops = draft.stops.map((s) => ({
    scene: s.scene,
    caption: s.caption,
    ...(s.views.length > 0 ? { views: s.views } : {}),
  }));
  const file = { format: LESSON_FORMAT, title: draft.title, description: draft.description, stops };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The lesson as a link's `L=` value (compressed, checked); null when it is too long. */
export function packLesson(draft: LessonDraft): string | null {
  const packed = compressText(JSON.stringify(JSON.parse(lessonJson(draft))));
  return packed.length <= MAX_LESSON_LINK_CHARS ? packed : null;
}

/** A link's `L=` value read back (see {@link readLessonText}). Never throws. */
export function unpackLesson(packed: string): LessonRead {
  if (packed.length > MAX_LESSON_LINK_CHARS)
    return {
      problem: `it is longer than a lesson link may be (${MAX_LESSON_LINK_CHARS} characters).`,
    };
  const unpacked = decompressText(packed, {
    maxPacked: MAX_LESSON_LINK_CHARS,
    maxText: MAX_LESSON_FILE_BYTES,
  });
  if ('problem' in unpacked) return { problem: `${unpacked.problem}.` };
  return readLessonText(unpacked.text);
}

/** A size in words: "10.0 MB", "512 kB". */
const size = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.ceil(n / 1000)} kB`);

/** Why a file of `bytes` bytes is not read, or null when it may be. */
export function sizeRefusal(bytes: number): string | null {
  return bytes > MAX_LESSON_FILE_BYTES
    ? `The file is ${size(bytes)}; a lesson file is at most ${size(MAX_LESSON_FILE_BYTES)}.`
    : null;
}

/** Thrown inside the reader with the sentence a refusal shows. */
class Refusal extends Error {}

/** A text field: a string of at most `max` characters (and at least one when `required`). */
function textField(value: unknown, what: string, max: number, required: boolean): string {
  if (value === undefined && !required) return '';
  if (typeof value !== 'string') throw new Refusal(`The ${what} is ${kind(value)}, not a text.`);
  if (required && value.trim() === '') throw new Refusal(`The ${what} is empty.`);
  if (value.length > max)
    throw new Refusal(`The ${what} has ${value.length} characters; at most ${max} are allowed.`);
  return value;
}

/**
 * A lesson file's text read and checked: the lesson and notes on what was not read as
 * written (settings of a stop's scene, unknown fields or views, placeholders Gatescope
 * does not fill, shown as written), or the reason it is refused (too large, not JSON, not
 * a lesson, a field of the wrong kind or size). Never throws; refuses a text over
 * MAX_LESSON_FILE_BYTES characters before parsing it.
 */
export function readLessonText(text: string): LessonRead {
  const tooLarge = sizeRefusal(text.length);
  if (tooLarge) return { problem: tooLarge };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: 'The file is not JSON: it is not a Gatescope lesson.' };
  }
  try {
    return readLesson(json);
  } catch (error) {
    if (error instanceof Refusal) return { problem: error.message };
    throw error;
  }
}

const FILE_KEYS = new Set(['format', 'title', 'description', 'stops']);
const STOP_KEYS = new Set(['scene', 'caption', 'views']);

function readLesson(json: unknown): LessonRead {
  if (!isObject(json)) throw new Refusal(`The file holds ${kind(json)}, not a lesson.`);
  if (json.format !== LESSON_FORMAT) {
    const format = typeof json.format === 'string' ? `“${json.format.slice(0, 40)}”` : 'none';
    throw new Refusal(
      `The file's format is ${format}; this Gatescope reads lessons of format “${LESSON_FORMAT}”.`,
    );
  }
  const notes: string[] = [];
  const ignored = Object.keys(json).filter((k) => !FILE_KEYS.has(k));
  if (ignored.length > 0)
    notes.push(`Ignored the fields ${ignored.map((k) => `“${k.slice(0, 40)}”`).join(', ')}.`);
  const title = textField(json.title, 'title', LESSON_LIMITS.title, true);
  const description = textField(json.description, 'description', LESSON_LIMITS.description, false);
  const { stops } = json;
  if (!Array.isArray(stops)) throw new Refusal(`The stops are ${kind(stops)}, not a list.`);
  if (stops.length === 0) throw new Refusal('The lesson has no stops.');
  if (stops.length > MAX_LESSON_STOPS)
    throw new Refusal(
      `The lesson has ${stops.length} stops; at most ${MAX_LESSON_STOPS} are allowed.`,
    );
  const read = stops.map((stop, k) => readStop(stop, k, notes));
  return { draft: { title, description, stops: read }, notes };
}

function readStop(stop: unknown, k: number, notes: string[]): DraftStop {
  const where = `Stop ${k + 1}`;
  if (!isObject(stop)) throw new Refusal(`${where} is ${kind(stop)}, not a stop.`);
  const ignored = Object.keys(stop).filter((key) => !STOP_KEYS.has(key));
  if (ignored.length > 0)
    notes.push(
      `${where}: ignored the fields ${ignored.map((key) => `“${key.slice(0, 40)}”`).join(', ')}.`,
    );
  const caption = textField(stop.caption, `caption of stop ${k + 1}`, LESSON_LIMITS.caption, true);
  const sceneText = textField(stop.scene, `scene of stop ${k + 1}`, LESSON_LIMITS.scene, false);
  const link = sceneText.replace(/^#/, '');
  const { scene, problems } = decodeScene(/^v=/.test(link) ? link : `v=1&${link}`);
  for (const problem of problems) notes.push(`${where}: ${problem}`);
  const unknown = unknownPlaceholders(caption);
  if (unknown.length > 0)
    notes.push(
      `${where}: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not a placeholder' : 'are not placeholders'} Gatescope fills; shown as written.`,
    );
  return { scene: stopSceneText(scene), caption, views: readViews(stop.views, where, notes) };
}

function readViews(views: unknown, where: string, notes: string[]): StopView[] {
  if (views === undefined) return [];
  if (!Array.isArray(views))
    throw new Refusal(`The views of ${where.toLowerCase()} are ${kind(views)}, not a list.`);
  const known = views.filter((v): v is StopView => STOP_VIEWS.includes(v as StopView));
  if (known.length < views.length)
    notes.push(`${where}: ignored views other than ${STOP_VIEWS.join(', ')}.`);
  return [...new Set(known)];
}

/** The lesson a draft plays as, under the id {@link AUTHORED_ID}. */
export function lessonOf(draft: LessonDraft): Lesson {
  const title = draft.title.trim() || 'Untitled lesson';
  return {
    id: AUTHORED_ID,
    title,
    shortTitle: Array.from(title).slice(0, 20).join(''),
    teaches: draft.description,
    rows: [],
    scene: '',
    stops: draft.stops.map((s) => ({
      set: s.scene,
      caption: s.caption,
      ...(s.views.length > 0 ? { views: s.views } : {}),
    })),
  };
}

/** The draft a lesson plays from (an authored lesson back into the editor). */
export function draftOf(lesson: Lesson | null): LessonDraft {
  if (!lesson) return { title: '', description: '', stops: [] };
  return {
    title: lesson.title,
    description: lesson.teaches,
    stops: lesson.stops.map((s) => ({
      scene: s.set ?? '',
      caption: s.caption,
      views: s.views ?? [],
    })),
  };
}
