import type { CellType, Trace } from '../../engine';
import type { InputSettings, Sequence } from '../../scene';
import { csvDocument, type CsvValue } from './csv';

/** The quantities of a cell, as the trace names them: every gate, then c (LSTM) and h. */
export const TRACE_CSV_QUANTITIES: Readonly<Record<CellType, readonly string[]>> = {
  lstm: ['i', 'f', 'g', 'o', 'c', 'h'],
  gru: ['r', 'z', 'n', 'h'],
  rnn: ['pre', 'h'],
};

/** Columns of {@link traceCsv} for a cell: step, token, layer, unit, then its quantities. */
export function traceCsvHeader(cell: CellType): string[] {
  return ['step', 'token', 'layer', 'unit', ...TRACE_CSV_QUANTITIES[cell]];
}

/**
 * The token of each step as a CSV should hold it, [T]: a text input's characters as they
 * are (a space stays a space, a comma a comma: the CSV quotes what needs it), a numeric
 * input's value x_t in full precision (the screen rounds it); pasted numbers, the whole row
 * x_t, space-separated.
 */
export function csvTokens(input: InputSettings, sequence: Sequence): string[] {
  if (input.kind === 'text') return Array.from(input.text);
  if (input.kind === 'numbers') return sequence.xs.map((row) => row.map(String).join(' '));
  return sequence.xs.map((row) => String(row[0] ?? ''));
}

/**
 * The whole trace as CSV, one row per (step, layer, unit), T·L·H rows in that nesting:
 * `step` counts 1..T as the app does (the row holds the values after step t read x_t),
 * `layer` and `unit` count from 1 as the page does ("unit 3 of 8"; PyTorch's
 * `weight_ih_l0` is layer 1). The
 * quantity columns are {@link TRACE_CSV_QUANTITIES} (after activation), every number in
 * full precision: `Number(cell)` is the trace's float64 exactly. A run changed by
 * interventions names them, in plain words joined by "; ", in a last column
 * `interventions` on every row (absent for the model's own run). Pure.
 */
export function traceCsv(
  trace: Trace,
  cell: CellType,
  tokens: readonly string[],
  interventions: readonly string[] = [],
): string {
  const named = interventions.length > 0 ? [interventions.join('; ')] : [];
  const names = TRACE_CSV_QUANTITIES[cell];
  const rows: CsvValue[][] = [];
  for (let t = 0; t < trace.T; t++) {
    trace.layers.forEach((layer, l) => {
      const series = names.map((name) => layer.gates[name]?.[t]);
      const H = series[0]?.length ?? 0;
      for (let j = 0; j < H; j++) {
        const values = series.map((row) => row?.[j] ?? null);
        rows.push([t + 1, tokens[t] ?? '', l + 1, j + 1, ...values, ...named]);
      }
    });
  }
  const header = traceCsvHeader(cell);
  return csvDocument(named.length > 0 ? [...header, 'interventions'] : header, rows);
}
