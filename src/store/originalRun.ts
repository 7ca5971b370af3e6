import { PANE_DEFAULTS, type InputSettings, type PaneSettings } from '../scene';
import { KEPT_MODELS, paneRunOf, type PaneRun } from './derived';

/** The pane as it runs without interventions: one object per pane object. */
const bare = new WeakMap<PaneSettings, PaneSettings>();
/** Bare panes by their settings, so that adding an intervention keeps the original run. */
const bareByKey = new Map<string, PaneSettings>();

/**
 * The pane's run without its interventions (the original, to compare the changed run
 * against): {@link paneRunOf} itself when the pane has none; else memoized like it, the
 * same run object while only the interventions change.
 */
export function originalRunOf(pane: PaneSettings, input: InputSettings): PaneRun {
  let plain = bare.get(pane);
  if (!plain) {
    // A pane without interventions is its own original: kept under its settings, so that
    // the pane made by adding one finds this run again.
    const key = JSON.stringify({ ...pane, interventions: [] });
    plain =
      pane.interventions.length === 0
        ? pane
        : (bareByKey.get(key) ?? { ...pane, interventions: PANE_DEFAULTS.interventions });
    bareByKey.delete(key);
    bareByKey.set(key, plain);
    if (bareByKey.size > KEPT_MODELS) bareByKey.delete(bareByKey.keys().next().value as string);
    bare.set(pane, plain);
  }
  return paneRunOf(plain, input);
}
