import { useId, useState } from 'react';
import { DataInputError } from '../../scene/dataErrors';
import { parseVocabulary } from '../../io/data/vocabulary';
import { setImportedVocabulary, type ImportedEntry } from '../../store';

/** Props of {@link VocabularyField}. */
export interface VocabularyFieldProps {
  /** The imported model whose file has no vocabulary. */
  entry: ImportedEntry;
}

/**
 * "Vocabulary": for an imported model that reads tokens but whose file does not say which,
 * the user gives them (the characters in id order, tokens one per line, or the JSON list
 * or dict they saved); token k gets id k. A vocabulary that does not fit is refused with
 * the reason, and the model keeps the one it had.
 */
export function VocabularyField({ entry }: VocabularyFieldProps) {
  const id = useId();
  const [text, setText] = useState(entry.imported.vocabulary?.join('\n') ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const rows = entry.imported.embedding?.length ?? entry.model.spec.inputSize;
  const apply = () => {
    try {
      const tokens = parseVocabulary(text);
      if (tokens.length > rows) {
        throw new DataInputError(
          `The vocabulary has ${tokens.length} tokens, but the model knows ${rows}.`,
        );
      }
      setProblem(null);
      setImportedVocabulary(entry.id, tokens);
    } catch (error) {
      if (!(error instanceof DataInputError)) throw error;
      setProblem(error.message);
    }
  };
  return (
    <div className="field field-stacked vocabulary-field">
      <label htmlFor={id}>Vocabulary ({rows} tokens)</label>
      <textarea
        id={id}
        rows={3}
        value={text}
        spellCheck={false}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <button type="button" className="small" onClick={apply}>
        Use this vocabulary
      </button>
      {problem && (
        <p id={`${id}-problem`} className="field-message" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
