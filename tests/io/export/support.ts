// Shared pieces of the export tests: an independent RFC 4180 reader and engine runs
// built straight from the engine (not through the store).
import {
  createModel,
  forward,
  initParams,
  type Model,
  type ModelSpec,
  type Trace,
} from '../../../src/engine';

/** Parses RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k]!;
    if (quoted) {
      if (ch === '"' && text[k + 1] === '"') {
        field += '"';
        k++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[k + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      k++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** One-hot rows of a text over its own sorted alphabet, as the text input builds them. */
export function oneHot(text: string): number[][] {
  const chars = Array.from(text);
  const alphabet = [...new Set(chars)].sort();
  return chars.map((ch) => alphabet.map((a) => (a === ch ? 1 : 0)));
}

/** A model of a spec (inputSize from the text) with seeded PyTorch-default weights, and its trace. */
export function runOn(
  text: string,
  spec: Omit<ModelSpec, 'inputSize'>,
  seed = 0,
): { model: Model; trace: Trace; xs: number[][] } {
  const xs = oneHot(text);
  const full = { ...spec, inputSize: xs[0]!.length };
  const model = createModel(full, initParams(full, { seed, scheme: 'pytorch' }));
  return { model, trace: forward(model, xs), xs };
}
