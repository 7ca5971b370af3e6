/**
 * The changed run against the original, in numbers a page can show: the read-out's answer
 * before and after at the step that counts, the one-line summary, and the difference of
 * each gate per step and unit. Pure.
 */
import { argmax, type LayerTrace, type Rows } from '../../engine';
import { valueText } from '../../scene';
import type { Readout } from '../../store';

/** A read-out's answer at one step: the likeliest class and its probability, or the value. */
export interface Answer {
  /** The class label ("+1") or the value ("0.42"), as the page writes it. */
  readonly text: string;
  /** The likeliest class's probability, or null for a value. */
  readonly p: number | null;
}

/** "+1 (99%)", "0.42". */
export function answerText(a: Answer): string {
  return a.p === null ? a.text : `${a.text} (${Math.round(100 * a.p)}%)`;
}

/** The read-out's answer at step k (0-based). */
export function answerAt(readout: Readout, k: number): Answer {
  const probabilities = readout.probabilities?.[k];
  if (probabilities) {
    const j = argmax(probabilities);
    return { text: readout.outputLabels[j] ?? String(j), p: probabilities[j] ?? 0 };
  }
  return { text: valueText(readout.y[k]?.[0] ?? NaN), p: null };
}

/** The step whose answer counts: the last scored one, else the last step (0-based). */
export function answerStep(readout: Readout): number {
  for (let k = readout.targets.length - 1; k >= 0; k--) if (readout.targets[k]) return k;
  return readout.y.length - 1;
}

/**
 * The one-line summary: "the answer at step 50 changed from +1 (99%) to −1 (52%)", or
 * "… stayed +1 (99% → 97%)"; for a value, "… changed from 0.42 to 0.1".
 */
export function answerSummary(original: Readout, changed: Readout): string {
  const k = answerStep(original);
  const before = answerAt(original, k);
  const after = answerAt(changed, k);
  const at = `The answer at step ${k + 1}`;
  if (before.text !== after.text) {
    return `${at} changed from ${answerText(before)} to ${answerText(after)}.`;
  }
  if (before.p === null || after.p === null) return `${at} stayed ${before.text}.`;
  const pct = (p: number) => `${Math.round(100 * p)}%`;
  return `${at} stayed ${before.text} (${pct(before.p)} → ${pct(after.p)}).`;
}

/**
 * Without a read-out head: how far the top layer's last h moved, "h at step 11 moved by
 * 0.83 (the largest change of a unit: unit 3, 0.71 → −0.12)".
 */
export function stateSummary(original: Rows, changed: Rows): string {
  const T = original.length;
  const a = original[T - 1];
  const b = changed[T - 1];
  if (!a || !b) return 'The run has no steps.';
  let sum = 0;
  let worst = 0;
  for (let j = 0; j < a.length; j++) {
    const d = (b[j] as number) - (a[j] as number);
    sum += d * d;
    if (Math.abs(d) > Math.abs((b[worst] as number) - (a[worst] as number))) worst = j;
  }
  if (sum === 0) return `h at step ${T} did not change.`;
  const was = valueText(a[worst] as number);
  const now = valueText(b[worst] as number);
  return `h at step ${T} moved by ${valueText(Math.sqrt(sum))} (the largest change: unit ${worst + 1}, ${was} → ${now}).`;
}

/** changed − original, [T][H], for one quantity of one layer. */
export function differenceRows(original: Rows, changed: Rows): Float64Array[] {
  return original.map((row, t) => {
    const other = changed[t]!;
    const out = new Float64Array(row.length);
    for (let j = 0; j < row.length; j++) out[j] = (other[j] as number) - (row[j] as number);
    return out;
  });
}

/** The quantities of a layer that differ between the runs, in the trace's order. */
export function changedQuantities(original: LayerTrace, changed: LayerTrace): string[] {
  return Object.keys(original.gates).filter((name) => {
    const a = original.gates[name]!;
    const b = changed.gates[name]!;
    return a.some((row, t) => {
      const other = b[t]!;
      for (let j = 0; j < row.length; j++) if (row[j] !== other[j]) return true;
      return false;
    });
  });
}
