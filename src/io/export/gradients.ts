import type { CellType } from '../../engine';
import { csvDocument, type CsvValue } from './csv';

/** One pane's gradient curves, as the vanishing-gradient plot draws them. */
export interface GradientCsvPane {
  /** Pane letter, 'A'. */
  readonly id: string;
  readonly cell: CellType;
  /** The layer the norms are of, 0-based (written counted from 1, as the page shows it). */
  readonly layer: number;
  /** The unit the forget-gate product follows, 0-based (written counted from 1). */
  readonly unit: number;
  /** `jacobianNorms(model, trace, layer)`: entry t is ‖∂h_T/∂h_t‖ at distance T − t, [T]. */
  readonly norms: readonly number[];
  /** LSTM: Π f of the last d steps by distance d = 0..T, [T + 1]; null for RNN and GRU. */
  readonly forgetProduct: readonly number[] | null;
}

/**
 * Column names of one pane, ASCII so that every spreadsheet reads them; layers and units
 * counted from 1, as the page counts them.
 */
function paneColumns(p: GradientCsvPane): string[] {
  const base = `${p.id}_${p.cell}_layer${p.layer + 1}`;
  const norm = `${base}_norm_dhT_dht`;
  return p.forgetProduct ? [norm, `${base}_unit${p.unit + 1}_forget_product`] : [norm];
}

/**
 * The gradient norms as CSV, one row per distance d = T − t = 0..T, with t the step whose
 * state h_t the row differentiates by (steps counted from 1 as on the page: h_t is the
 * state after step t, h_0 the initial state): per pane the Frobenius norm ‖∂h_T/∂h_t‖
 * (empty at d = 0, where it is the identity's) and, for an LSTM, the forget-gate product
 * along the cell path of one unit (1 at d = 0). Every pane must have the same T (they
 * read one input). Numbers in full precision. Pure.
 */
export function gradientCsv(panes: readonly GradientCsvPane[]): string {
  const T = panes[0]?.norms.length ?? 0;
  const header = ['distance', 'step_t', ...panes.flatMap(paneColumns)];
  const rows: CsvValue[][] = [];
  for (let d = 0; d <= T; d++) {
    const row: CsvValue[] = [d, T - d];
    for (const p of panes) {
      row.push(d === 0 ? null : (p.norms[T - d] ?? null));
      if (p.forgetProduct) row.push(p.forgetProduct[d] ?? null);
    }
    rows.push(row);
  }
  return csvDocument(header, rows);
}
