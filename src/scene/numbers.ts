/**
 * Numbers a user pastes or drops as a model's input: rows = steps, columns = features.
 * CSV, TSV, semicolon-separated (with decimal commas, as European spreadsheets save it)
 * or whitespace-separated; an optional header row; or one column.
 */
import { MAX_COLUMN_NAME, MAX_INPUT_SIZE } from '../engine';
import { LIMITS } from './limits';
import { DataInputError, quote } from './dataErrors';

/** The most steps and features `parseNumbers` accepts. */
export interface NumberLimits {
  /** Rows (steps T). */
  steps: number;
  /** Columns (features I). */
  features: number;
}

/** The page's limits: T up to `LIMITS.sequenceLength.max`, features up to the engine's input size. */
export const DEFAULT_NUMBER_LIMITS: NumberLimits = {
  steps: LIMITS.sequenceLength.max,
  features: MAX_INPUT_SIZE,
};

/** Parsed numbers: rows[t][i] (T steps × I features), and the header's names when given. */
export interface ParsedNumbers {
  rows: number[][];
  header?: string[];
}

type Separator = '\t' | ';' | ',' | 'space';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d*,\d+([eE][+-]?\d+)?$/;

/**
 * The lines of `text`, stopping once more than `max` of them hold something: a paste of a
 * million lines is refused after reading a few thousand.
 */
function linesOf(text: string, max: number): string[] {
  const lines: string[] = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  let filled = 0;
  for (let m = breaks.exec(text); m !== null && filled <= max; m = breaks.exec(text)) {
    const line = text.slice(start, m.index);
    lines.push(line);
    if (line.trim() !== '') filled++;
    start = m.index + m[0].length;
  }
  if (filled <= max) lines.push(text.slice(start));
  return lines;
}

/** The separator of the first line: tab, then semicolon, then comma, else whitespace. */
function separatorOf(line: string): Separator {
  if (line.includes('\t')) return '\t';
  if (line.includes(';')) return ';';
  if (line.includes(',')) return ',';
  return 'space';
}

const SEPARATOR_NAMES: Record<Separator, string> = {
  '\t': 'tabs',
  ';': 'semicolons',
  ',': 'commas',
  space: 'spaces',
};

/**
 * A line's cells: trimmed, surrounding double quotes removed; at most `max` + 1 of them,
 * so that a line of millions of cells costs no more than a short one.
 */
function cellsOf(line: string, separator: Separator, max: number): string[] {
  const parts =
    separator === 'space' ? line.trim().split(/\s+/, max + 1) : line.split(separator, max + 1);
  return parts.map((cell) => {
    const trimmed = cell.trim();
    return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
      ? trimmed.slice(1, -1).trim()
      : trimmed;
  });
}

/** The cell's number, or null when it is not written as one (NaN, Infinity, words, hex). */
function numberOf(cell: string, separator: Separator): number | null {
  const text = separator === ';' && DECIMAL_COMMA.test(cell) ? cell.replace(',', '.') : cell;
  return NUMBER.test(text) ? Number(text) : null;
}

/**
 * Parses `text` into rows of numbers. Rows are lines (blank lines before and after are
 * ignored); the first line decides the separator; it is a header when none of its cells is
 * a number. Throws a {@link DataInputError} naming the row (the line of `text`, from 1) and
 * column (from 1): a cell that is not a number (NaN and Infinity included), an empty cell,
 * a row with a different number of columns, a blank line between rows, more rows or
 * columns than `limits` allow, or no numbers at all.
 */
export function parseNumbers(
  text: string,
  limits: NumberLimits = DEFAULT_NUMBER_LIMITS,
): ParsedNumbers {
  const lines = linesOf(text.replace(/^\uFEFF/, ''), limits.steps + 1);
  let first = 0;
  while (first < lines.length && lines[first]!.trim() === '') first++;
  let last = lines.length - 1;
  while (last >= first && lines[last]!.trim() === '') last--;
  if (first > last) throw new DataInputError('No numbers: the text is empty.');
  if (last - first > limits.steps) {
    throw new DataInputError(
      `More than ${limits.steps + 1} rows; at most ${limits.steps} steps (plus a header row) can be run.`,
    );
  }
  const separator = separatorOf(lines[first]!);
  const firstCells = cellsOf(lines[first]!, separator, limits.features);
  const isHeader =
    firstCells.every((cell) => numberOf(cell, separator) === null) &&
    firstCells.some((cell) => cell !== '');
  const columns = firstCells.length;
  if (columns > limits.features) {
    throw new DataInputError(
      `Row ${first + 1} has more than ${limits.features} columns; at most ${limits.features} features can be run.`,
    );
  }
  const rows: number[][] = [];
  for (let k = isHeader ? first + 1 : first; k <= last; k++) {
    const row = k + 1;
    const line = lines[k]!;
    if (line.trim() === '') {
      throw new DataInputError(
        `Row ${row} is empty; every row between the first and the last must hold numbers.`,
      );
    }
    const cells = cellsOf(line, separator, limits.features);
    if (cells.length !== columns) {
      throw new DataInputError(
        `Row ${row} has ${cells.length > limits.features ? 'more than ' : ''}${Math.min(cells.length, limits.features)} ${cells.length === 1 ? 'column' : 'columns'}; row ${first + 1} has ${columns} (separated by ${SEPARATOR_NAMES[separator]}).`,
      );
    }
    rows.push(
      cells.map((cell, c) => {
        const where = `Row ${row}, column ${c + 1}`;
        if (cell === '') throw new DataInputError(`${where} is empty.`);
        const value = numberOf(cell, separator);
        if (value === null) throw new DataInputError(`${where}: ${quote(cell)} is not a number.`);
        if (!Number.isFinite(value)) {
          throw new DataInputError(`${where}: ${quote(cell)} is too large for a number.`);
        }
        return value;
      }),
    );
  }
  if (rows.length === 0) {
    throw new DataInputError(
      `Only a header row (${firstCells.map((c) => quote(c)).join(', ')}): no numbers.`,
    );
  }
  if (rows.length > limits.steps) {
    throw new DataInputError(
      `${rows.length} rows of numbers; at most ${limits.steps} steps can be run.`,
    );
  }
  return isHeader ? { rows, header: firstCells } : { rows };
}

/** Pasted numbers as a table to train on: a name per column and the rows. */
export interface PastedTable {
  /** [C] the header's names, or "column 1" … (also where a header cell is empty). */
  readonly columns: string[];
  /** [N][C] the rows, oldest first. */
  readonly rows: number[][];
}

/**
 * The numbers pasted as `text` (the scene's `input.numbers`) as a table with named
 * columns; null when there are none (empty text, or text that does not parse, which the
 * store never lets in).
 */
export function pastedTable(text: string): PastedTable | null {
  if (text.trim() === '') return null;
  let parsed: ParsedNumbers;
  try {
    parsed = parseNumbers(text);
  } catch {
    return null;
  }
  const C = parsed.rows[0]?.length ?? 0;
  const columns = Array.from({ length: C }, (_, c) => {
    const name = parsed.header?.[c]?.trim().slice(0, MAX_COLUMN_NAME);
    return name ? name : `column ${c + 1}`;
  });
  return { columns, rows: parsed.rows };
}
