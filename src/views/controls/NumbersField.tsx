import { useId, useState, type KeyboardEvent } from 'react';
import { sequenceOf, useScene } from '../../store';
import {
  clearNumbersProblem,
  commitNumbers,
  loadNumbersFile,
  useNumbersProblem,
} from './numbersFile';

/** File types offered first by "Open data file". */
const ACCEPT = '.csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain';

/** Feature names listed in the hint; more are counted. */
const NAMES_SHOWN = 6;

/** "6 steps × 3 features (x1, x2, x3)": the size of the numbers in use. */
function shapeText(T: number, features: readonly string[]): string {
  const I = features.length;
  const names =
    I <= NAMES_SHOWN
      ? features.join(', ')
      : `${features.slice(0, NAMES_SHOWN).join(', ')}, … ${I - NAMES_SHOWN} more`;
  return `${T} step${T === 1 ? '' : 's'} × ${I} feature${I === 1 ? '' : 's'} (${names})`;
}

/**
 * "Your numbers": a text area for numbers pasted from a spreadsheet or a CSV file (rows =
 * steps, columns = features, an optional header row), used when the field loses focus, on
 * "Use these numbers" or Ctrl+Enter; and "Open data file" beside it. Numbers that cannot be
 * read are refused with the row and column named, the text stays for fixing, and the
 * numbers in use (named in the hint) stay as they were.
 */
export function NumbersField() {
  const id = useId();
  const numbers = useScene((s) => s.input.numbers);
  const input = useScene((s) => s.input);
  const problem = useNumbersProblem((s) => s.problem);
  const [draft, setDraft] = useState<string | null>(null);
  const [shown, setShown] = useState(numbers);
  if (shown !== numbers) {
    // New numbers arrived (a file, a drop, a link): show them, not an older draft.
    setShown(numbers);
    setDraft(null);
  }
  const { xs, features } = sequenceOf(input);
  const commit = () => {
    if (draft === null) return;
    if (draft === numbers) clearNumbersProblem();
    if (draft === numbers || commitNumbers(draft)) setDraft(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      commit();
    }
  };
  const invalid = problem !== null;
  return (
    <div className="field field-stacked numbers-field">
      <label htmlFor={id}>Numbers (rows = steps, columns = features)</label>
      <textarea
        id={id}
        rows={6}
        value={draft ?? numbers}
        spellCheck={false}
        autoComplete="off"
        wrap="off"
        aria-invalid={invalid ? true : undefined}
        aria-describedby={`${id}-hint${invalid ? ` ${id}-message` : ''}`}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      <div className="numbers-actions">
        <button type="button" className="small" onClick={commit}>
          Use these numbers
        </button>
        <span className="model-file">
          <label htmlFor={`${id}-file`} className="button-like small">
            Open data file
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept={ACCEPT}
            className="visually-hidden"
            onChange={(e) => {
              const [file] = e.currentTarget.files ?? [];
              e.currentTarget.value = '';
              if (file) void loadNumbersFile(file);
            }}
          />
        </span>
      </div>
      <p id={`${id}-hint`} className="field-hint">
        In use: {shapeText(xs.length, features)}. Paste CSV, TSV or spaced columns, a header row
        optional; or drop a .csv, .tsv or .txt file on the page.
      </p>
      {problem && (
        <p id={`${id}-message`} className="field-message" role="alert">
          {problem.message}
        </p>
      )}
    </div>
  );
}
