import { argmax, parameterCount } from '../engine';
import { paneRunOf, type SceneState } from '../store';
import { sequenceLength, type PaneId } from '../scene';
import { jacobianNormsOf, layerOf, unitOf, type OkPaneRun } from '../store/gradients';
import { formatNorm } from '../format/norm';
import { formatValue } from '../format/value';
import { formatCount } from '../format/count';

/** A placeholder: `{t}`, `{T}`, `{unit}`, or `{A.name}` for pane A. */
const PLACEHOLDER = /\{(?:([ABC])\.)?([A-Za-z]+)\}/g;

/** The names a caption may use without a pane: `{t}`, `{T}`, `{unit}`. */
export const SCENE_PLACEHOLDERS = ['t', 'T', 'unit'] as const;

/**
 * The names a caption may use with a pane (`{A.f}`): the input token, the read-out, a
 * trained model's accuracy and chance, ‖∂h_T/∂h_1‖, the parameter count, and every trace
 * name of the three cells (i f g o c h, r z n, pre).
 */
export const PANE_PLACEHOLDERS = [
  'x',
  'readout',
  'accuracy',
  'chance',
  'grad',
  'params',
  'i',
  'f',
  'g',
  'o',
  'c',
  'h',
  'r',
  'z',
  'n',
  'pre',
] as const;

const SCENE_NAMES = new Set<string>(SCENE_PLACEHOLDERS);
const PANE_NAMES = new Set<string>(PANE_PLACEHOLDERS);

/** True when `{pane.name}` (or `{name}` without a pane) is a placeholder Gatescope fills. */
export function isKnownPlaceholder(paneId: string | undefined, name: string): boolean {
  return paneId ? PANE_NAMES.has(name) : SCENE_NAMES.has(name);
}

/** The placeholders of a caption that Gatescope does not know, as written, each once. */
export function unknownPlaceholders(caption: string): string[] {
  const unknown = new Set<string>();
  for (const [whole, paneId, name] of caption.matchAll(PLACEHOLDER)) {
    if (!isKnownPlaceholder(paneId, name!)) unknown.add(whole);
  }
  return [...unknown];
}

/** Shown for a number that is not there yet (a trained model still loading). */
export const PENDING = '…';

/** Shown for a number that does not exist (a pane or a quantity the scene lacks). */
export const ABSENT = '—';

/** The part of the scene a caption reads. */
export type CaptionScene = Pick<SceneState, 'panes' | 'input' | 't' | 'unit' | 'layer'>;

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
const withMinus = (s: string) => s.replace(/^-/, '−');

/**
 * The caption with its placeholders filled from the scene (see types.ts for the list).
 * Values of a model still loading read "…"; those of a pane or quantity the scene lacks
 * read "—". A placeholder Gatescope does not know at all (`{A.speed}`, in a lesson a
 * teacher wrote) stays as written: it is text, and the lesson's reader says so
 * (tests/lessons/lessons.test.ts checks every placeholder of every built-in lesson).
 */
export function fillCaption(caption: string, scene: CaptionScene): string {
  return caption.replace(PLACEHOLDER, (whole: string, paneId: string | undefined, name: string) => {
    if (!isKnownPlaceholder(paneId, name)) return whole;
    if (!paneId) return sceneValue(name, scene) ?? ABSENT;
    const pane = scene.panes.find((p) => p.id === (paneId as PaneId));
    if (!pane) return ABSENT;
    const run = paneRunOf(pane, scene.input);
    if (!run.ok) return PENDING;
    return paneValue(name, run, scene) ?? ABSENT;
  });
}

function sceneValue(name: string, scene: CaptionScene): string | null {
  switch (name) {
    case 't':
      return String(scene.t);
    case 'T':
      return String(sequenceLength(scene.input));
    case 'unit':
      return String(scene.unit + 1);
    default:
      return null;
  }
}

function paneValue(name: string, run: OkPaneRun, scene: CaptionScene): string | null {
  const k = Math.min(Math.max(1, scene.t), run.trace.T) - 1;
  const layer = layerOf(run, scene.layer);
  switch (name) {
    case 'x':
      return run.sequence.tokens[k] ?? null;
    case 'readout':
      return readoutText(run, k);
    case 'accuracy':
      return run.trained ? percent(run.trained.file.metrics.accuracy) : null;
    case 'chance':
      return run.trained ? percent(run.trained.file.metrics.chance) : null;
    case 'grad': {
      // ‖∂h_T/∂h_1‖, h_1 the state after step 1 (as on screen and in the comparison table):
      // entry 1 of the norms, whose entry 0 is the initial state h_0.
      const norm = jacobianNormsOf(run, layer)[1];
      return norm === undefined ? null : formatNorm(norm);
    }
    case 'params':
      return formatCount(parameterCount(run.model.spec));
    default: {
      const rows = run.trace.layers[layer]?.gates[name];
      const value = rows?.[k]?.[unitOf(run, scene.unit)];
      return value === undefined ? null : withMinus(formatValue(value));
    }
  }
}

/** "P(+1) = 97.8%" for a classifier's likeliest class; "1.02" for a regression. */
function readoutText(run: OkPaneRun, k: number): string | null {
  const { readout } = run;
  if (!readout || readout.problem) return null;
  const labels = readout.outputLabels;
  const probabilities = readout.probabilities?.[k];
  if (probabilities) {
    const best = argmax(probabilities);
    return `P(${labels[best]}) = ${percent(probabilities[best] ?? Number.NaN)}`;
  }
  const y = readout.y[k];
  return y ? y.map((v) => withMinus(v.toFixed(2))).join(', ') : null;
}
