import {
  csvTokens,
  download,
  gradientCsv,
  heatmapSvg,
  lineLegendSvg,
  MIME,
  svgMarkup,
  svgToPng,
  themeOf,
  titleSvg,
  traceCsv,
  weightsJson,
  type GradientCsvPane,
  type LineLegendEntry,
} from '../../io/export';
import { paneRunOf, type SceneState } from '../../store';
import { describeIntervention, sequenceLength, type PaneId, type PaneSettings } from '../../scene';
import {
  forgetProductOf,
  jacobianNormsOf,
  layerOf,
  unitOf,
  type OkPaneRun,
} from '../../store/gradients';
import { PANE_COLORS, paneLabel } from '../gradients/paneColors';
import { PLOT_LEFT } from '../gradients/plotLayout';
import { heatmapFigureOf } from './heatmapFigure';
import { findTargetElement, targetOptions, type ExportTarget } from './targets';

/** A picture format. */
export type PictureFormat = 'png' | 'svg';

/** PNG exports are drawn at this many pixels per CSS pixel: sharp on slides. */
export const PNG_SCALE = 2;

/** The pane's settings and successful run, or an Error a user can act on. */
function okRun(state: SceneState, paneId: PaneId): { pane: PaneSettings; run: OkPaneRun } {
  const pane = state.panes.find((p) => p.id === paneId);
  if (!pane) throw new Error(`There is no pane ${paneId} to export.`);
  const run = paneRunOf(pane, state.input);
  if (!run.ok) throw new Error(`Pane ${paneId} has nothing to export: ${run.error}`);
  return { pane, run };
}

/** "gatescope-A-lstm", with "-layer2" when the pane stacks layers and a layer is meant. */
function stem(pane: PaneSettings, layer?: number): string {
  const base = `gatescope-${pane.id}-${pane.cell}`;
  return layer !== undefined && pane.numLayers > 1 ? `${base}-layer${layer + 1}` : base;
}

/** The time cursor, clamped into the input's steps. */
function stepOf(state: SceneState): number {
  return Math.min(Math.max(1, state.t), sequenceLength(state.input));
}

/** The label of a target as the menu lists it, for messages. */
function targetLabel(target: ExportTarget, pane: PaneSettings): string {
  const value = target.kind === 'heatmap' ? `heatmap:${target.name}` : target.kind;
  return targetOptions(pane.cell).find((o) => o.value === value)?.label ?? 'picture';
}

/** The gradient plot's key, drawn under an exported plot (on screen it is HTML beside it). */
function gradientLegend(state: SceneState): LineLegendEntry[] {
  const entries: LineLegendEntry[] = [];
  for (const pane of state.panes) {
    const run = paneRunOf(pane, state.input);
    if (!run.ok) continue;
    const color = PANE_COLORS[pane.id];
    entries.push({ label: paneLabel(pane), color });
    if (pane.cell === 'lstm') {
      const unit = unitOf(run, state.unit);
      entries.push({ label: `${pane.id} — Π f (cell path, unit ${unit})`, color, dashed: true });
    }
  }
  entries.push({ label: '1 (the gradient neither shrinks nor grows)', color: '', reference: true });
  return entries;
}

/** What an exported diagram shows: "A — LSTM · step 3 of 50 · unit 7 of 8" (and the layer). */
export function diagramTitle(state: SceneState, pane: PaneSettings, run: OkPaneRun): string {
  const { hiddenSize, numLayers } = run.model.spec;
  const layer = numLayers > 1 ? ` · layer ${layerOf(run, state.layer) + 1} of ${numLayers}` : '';
  const step = `step ${stepOf(state)} of ${sequenceLength(state.input)}`;
  return `${paneLabel(pane)} · ${step}${layer} · unit ${unitOf(run, state.unit) + 1} of ${hiddenSize}`;
}

/** The SVG file of a target element, drawn from the page (diagram, plot) or the data (heatmap). */
function pictureSvg(
  state: SceneState,
  pane: PaneSettings,
  run: OkPaneRun,
  target: ExportTarget,
  element: Element,
  format: PictureFormat,
): string {
  if (target.kind === 'heatmap') {
    return heatmapSvg(
      heatmapFigureOf({
        paneId: pane.id,
        run,
        name: target.name,
        layer: layerOf(run, state.layer),
        step: stepOf(state),
        unit: unitOf(run, state.unit),
        width: element.getBoundingClientRect().width,
        theme: themeOf(element),
        canRaster: true,
        rasterScale: format === 'png' ? PNG_SCALE : 2,
      }),
    );
  }
  if (!(element instanceof SVGSVGElement)) throw new Error('The picture is not an SVG drawing.');
  if (target.kind === 'diagram') {
    const header = titleSvg(diagramTitle(state, pane, run), {
      left: 8,
      fontSize: 18,
      theme: themeOf(element),
    });
    return svgMarkup(element, { header });
  }
  const footer = lineLegendSvg(gradientLegend(state), {
    width: element.viewBox.baseVal.width,
    left: PLOT_LEFT,
    fontSize: 15,
    theme: themeOf(element),
  });
  return svgMarkup(element, { footer });
}

/** The file name of a picture: gatescope-A-lstm-diagram-step3.png, …-heatmap-f.svg. */
function pictureName(state: SceneState, pane: PaneSettings, run: OkPaneRun, target: ExportTarget) {
  const layer = layerOf(run, state.layer);
  if (target.kind === 'gradients') return 'gatescope-gradient-plot';
  if (target.kind === 'diagram') return `${stem(pane, layer)}-diagram-step${stepOf(state)}`;
  return `${stem(pane, layer)}-heatmap-${target.name}`;
}

/**
 * Exports a target as it is now (step, layer, unit, theme) to a PNG (2×) or SVG download;
 * resolves to the file name. Rejects with a message a user can act on when the pane has
 * no run or the target is not on screen.
 */
export async function exportPicture(
  state: SceneState,
  paneId: PaneId,
  target: ExportTarget,
  format: PictureFormat,
): Promise<string> {
  const { pane, run } = okRun(state, paneId);
  const element = findTargetElement(target, paneId);
  if (!element || element.getBoundingClientRect().width <= 0) {
    throw new Error(
      `The ${targetLabel(target, pane)} is not on screen: show its view, then export again.`,
    );
  }
  const svg = pictureSvg(state, pane, run, target, element, format);
  const filename = `${pictureName(state, pane, run, target)}.${format}`;
  if (format === 'svg') download(svg, filename, MIME.svg);
  else download(await svgToPng(svg, PNG_SCALE), filename, MIME.png);
  return filename;
}

/**
 * The pane's cell diagram as it is on screen now, as a standalone SVG with its title
 * (model, step, unit), as Export writes it; null when the pane has no run or its diagram
 * is not on screen.
 */
export function diagramSvg(state: SceneState, paneId: PaneId): string | null {
  const pane = state.panes.find((p) => p.id === paneId);
  const run = pane && paneRunOf(pane, state.input);
  const element = findTargetElement({ kind: 'diagram' }, paneId);
  if (!pane || !run?.ok || !element || element.getBoundingClientRect().width <= 0) return null;
  return pictureSvg(state, pane, run, { kind: 'diagram' }, element, 'svg');
}

/** Downloads the pane's whole trace as CSV (every layer, step and unit); returns the name. */
export function exportTraceCsv(state: SceneState, paneId: PaneId): string {
  const { pane, run } = okRun(state, paneId);
  const tokens = csvTokens(state.input, run.sequence);
  const named = pane.interventions.map((iv) => describeIntervention(iv, run.model.spec));
  const filename = `${stem(pane)}${named.length > 0 ? '-whatif' : ''}-trace.csv`;
  download(traceCsv(run.trace, pane.cell, tokens, named), filename, MIME.csv);
  return filename;
}

/**
 * Downloads every pane's ‖∂h_T/∂h_t‖ by distance (and each LSTM's forget-gate product) as
 * CSV, at the layer and unit the gradient plot shows; returns the file name.
 */
export function exportGradientCsv(state: SceneState): string {
  const panes: GradientCsvPane[] = [];
  for (const pane of state.panes) {
    const run = paneRunOf(pane, state.input);
    if (!run.ok) continue;
    const layer = layerOf(run, state.layer);
    const unit = unitOf(run, state.unit);
    panes.push({
      id: pane.id,
      cell: pane.cell,
      layer,
      unit,
      norms: jacobianNormsOf(run, layer),
      forgetProduct: forgetProductOf(run, layer, unit),
    });
  }
  if (panes.length === 0) throw new Error('No pane has a run to take gradients of.');
  const filename = 'gatescope-gradients.csv';
  download(gradientCsv(panes), filename, MIME.csv);
  return filename;
}

/**
 * Downloads the pane's parameters as PyTorch-named JSON, with a trained model's read-out
 * ('head.weight', 'head.bias'); returns the file name.
 */
export function exportWeights(state: SceneState, paneId: PaneId): string {
  const { pane, run } = okRun(state, paneId);
  const filename = `${stem(pane)}-weights.json`;
  download(weightsJson(run.model, run.trained?.head), filename, MIME.json);
  return filename;
}
