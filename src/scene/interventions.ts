/**
 * A pane's "what if" changes (engine `Intervention`s) as the page handles them: checked
 * against the pane's model by the engine's own checker, and said in plain words. Steps,
 * units and layers are 0-based in the data and shown counted from 1, as the page shows them.
 */
import { checkInterventions, clampable, type Intervention, type ModelSpec } from '../engine';
import type { PaneSettings } from './types';

/** Interventions one pane may hold at once (the link's reader refuses more). */
export const MAX_INTERVENTIONS = 20;

/** The quantities a pane's cell lets an intervention clamp, in gate order: lstm i f g o c h … */
export function clampableNames(pane: Pick<PaneSettings, 'cell' | 'nonlinearity'>): string[] {
  return Object.keys(clampable(pane));
}

/**
 * Why `list` cannot apply to `pane`'s model run for T steps (the engine's refusal, naming
 * the intervention by its number from 1), or null when it can. `spec` is the model's spec
 * when known (a run); else the pane's settings stand for it, and a pane of an imported
 * model (whose size is known only once loaded) is checked for its cell's names only.
 */
export function interventionsProblem(
  pane: PaneSettings,
  T: number,
  list: readonly Intervention[],
  spec?: ModelSpec,
): string | null {
  if (list.length > MAX_INTERVENTIONS) {
    return `A model takes at most ${MAX_INTERVENTIONS} interventions at once.`;
  }
  if (list.length === 0) return null;
  if (spec === undefined && pane.imported !== '') {
    const names = clampableNames(pane);
    const n = list.findIndex((iv) => !names.includes(iv.gate));
    if (n < 0) return null;
    return `Intervention ${n + 1}: gate must be one of ${names.join(', ')} for this model, got ${JSON.stringify(list[n]!.gate)}.`;
  }
  const model: ModelSpec = spec ?? {
    cell: pane.cell,
    inputSize: 1,
    hiddenSize: pane.hiddenSize,
    numLayers: pane.numLayers,
    nonlinearity: pane.nonlinearity,
    convention: pane.convention,
  };
  try {
    checkInterventions(model, T, list);
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return message.replace(/^interventions\[(\d+)\]/, (_, n: string) => `Intervention ${+n + 1}`);
  }
}

/** Steps "25" or "25–30", counted from 1. */
function stepsText({ from, to }: Pick<Intervention, 'from' | 'to'>): string {
  return from === to ? `step ${from + 1}` : `steps ${from + 1}–${to + 1}`;
}

/** A value as the list shows it: up to 4 significant digits, a true minus sign. */
export function valueText(value: number): string {
  const text = String(Number(value.toPrecision(4)));
  return text.replace(/^-/, '−');
}

/**
 * One intervention in plain words: "f of unit 3 forced to 0 at steps 25–30", "h of every
 * unit forced to 0 at step 4"; the layer (and direction) named when the model has more
 * than one, "layer 2 (reverse): …".
 */
export function describeIntervention(
  iv: Intervention,
  model: { numLayers: number; bidirectional?: boolean } = { numLayers: 1 },
): string {
  const who = iv.unit === undefined ? 'every unit' : `unit ${iv.unit + 1}`;
  const text = `${iv.gate} of ${who} forced to ${valueText(iv.value)} at ${stepsText(iv)}`;
  const direction = model.bidirectional
    ? (iv.direction ?? 0) === 1
      ? ' (reverse)'
      : ' (forward)'
    : '';
  return model.numLayers > 1 || direction ? `layer ${iv.layer + 1}${direction}: ${text}` : text;
}
