/**
 * What a model trained on the user's numbers reads in a pane: the pasted table's input
 * columns, standardised as in training, scored against its target columns; or, when the
 * scene's input is not such a table, why not and the ways back to one.
 */
import { wordList, type NumbersTask, type Sample } from '../engine';
import { pastedTable, rowLabel, type InputSettings, type Sequence } from '../scene';

/** A way back to numbers the model reads (the fixes of a failed run, see derived.ts `RunFix`). */
export type NumbersFix =
  | { readonly kind: 'input-kind'; readonly input: 'numbers'; readonly label: string }
  | { readonly kind: 'numbers'; readonly text: string };

/** The table a numbers task was trained on, as text the numbers field takes (tab-separated, a header row). */
export function trainedNumbersText(task: NumbersTask): string {
  const { columns, rows } = task.data;
  return [columns.join('\t'), ...rows.map((row) => row.join('\t'))].join('\n');
}

/**
 * The sequence model `title` on numbers task `task` reads from the scene's input: every
 * pasted row, its input columns standardised with the training rows' statistics, each
 * step labelled by those columns' pasted values, scored from the warm-up on against its
 * target columns. Refused, with the ways out, when the input is not pasted numbers or has
 * another number of columns.
 */
export function numbersModelSequence(
  task: NumbersTask,
  input: InputSettings,
  title: string,
): Sequence | { error: string; fixes: NumbersFix[] } {
  const { columns, inputs, targets } = task.data;
  const names = (cols: readonly number[], of: readonly string[] = columns) =>
    wordList(cols.map((c) => `“${of[c]}”`));
  const reads = `The model “${title}” reads ${names(inputs)} and predicts ${names(targets)}, the columns of numbers it was trained on`;
  const table = pastedTable(input.numbers);
  const fits =
    table !== null &&
    table.columns.length === columns.length &&
    table.columns.every((name, c) => name === columns[c]);
  const paste: NumbersFix = { kind: 'numbers', text: trainedNumbersText(task) };
  if (input.kind !== 'numbers' || !fits) {
    const has =
      input.kind !== 'numbers' || !table
        ? ', not this input'
        : `; your numbers have ${table.columns.length === 1 ? 'one column' : 'the columns'} ${names(
            table.columns.map((_, c) => c),
            table.columns,
          )}`;
    const useYours: NumbersFix[] =
      input.kind !== 'numbers' && fits
        ? [{ kind: 'input-kind', input: 'numbers', label: 'Use your numbers' }]
        : [];
    return {
      error: `${reads}${has}. Paste numbers with those columns (a header row naming them), or the ones it was trained on.`,
      fixes: [...useYours, paste],
    };
  }
  let sample: Sample;
  try {
    sample = task.sampleOf(table.rows);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { error: `The model “${title}” cannot read your numbers: ${why}`, fixes: [paste] };
  }
  return {
    xs: sample.xs,
    tokens: table.rows.map((row) => rowLabel(inputs.map((c) => row[c]!))),
    inputSize: task.inputSize,
    features: [...task.inputLabels],
    task: { task, sample },
  };
}
