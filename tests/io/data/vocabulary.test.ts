import { describe, expect, it } from 'vitest';
import { DataInputError } from '../../../src/scene/dataErrors';
import { encodeTokens, parseVocabulary } from '../../../src/io/data/vocabulary';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DataInputError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('parseVocabulary', () => {
  it('characters of one line (code points, so an emoji is one token); a final newline dropped', () => {
    expect(parseVocabulary('ab c🎉\n')).toEqual(['a', 'b', ' ', 'c', '🎉']);
  });

  it('tokens one per line (Windows line ends too)', () => {
    expect(parseVocabulary('the\r\ncat\r\n<unk>\r\n')).toEqual(['the', 'cat', '<unk>']);
  });

  it('a JSON list', () => {
    expect(parseVocabulary('["a", "\\n", " "]')).toEqual(['a', '\n', ' ']);
  });

  it('a JSON dict token → index, in index order whatever the key order', () => {
    expect(parseVocabulary('{"b": 1, "<pad>": 2, "a": 0}')).toEqual(['a', 'b', '<pad>']);
  });

  it.each([
    ['empty', '  \n', 'The vocabulary is empty.'],
    ['a repeated character', 'abca', "The vocabulary has 'a' twice (character 1 and character 4)."],
    ['a repeated line', 'x\ny\nx', "The vocabulary has 'x' twice (line 1 and line 3)."],
    ['an empty line', 'x\n\ny', 'Line 2 of the vocabulary is empty; give one token per line.'],
    [
      'a repeated list entry',
      '["a","b","a"]',
      "The vocabulary has 'a' twice (entry 0 and entry 2).",
    ],
    [
      'a list entry that is not text',
      '["a", 3]',
      'Entry 1 of the vocabulary list is 3, not a text.',
    ],
    [
      'a dict index repeated',
      '{"a": 0, "b": 0}',
      "The vocabulary gives index 0 to both 'a' and 'b'.",
    ],
    [
      'a dict with a gap',
      '{"a": 0, "b": 2}',
      "The vocabulary gives 'b' the index 2, but it has 2 tokens: indices must be 0 to 1, without gaps.",
    ],
    [
      'a dict counting from 1 (Keras word_index)',
      '{"a": 1, "b": 2}',
      "The vocabulary gives 'b' the index 2, but it has 2 tokens: indices must be 0 to 1, without gaps.",
    ],
    [
      'a fractional index',
      '{"a": 0.5}',
      "The vocabulary gives 'a' the index 0.5; indices are whole numbers from 0.",
    ],
    ['broken JSON', '["a", ', /^The vocabulary looks like JSON but does not parse/],
  ])('refuses %s', (_, text, message) => {
    expect(refusal(() => parseVocabulary(text))).toMatch(
      typeof message === 'string'
        ? new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
        : message,
    );
  });
});

describe('encodeTokens', () => {
  const chars = parseVocabulary('abcd ');
  it('characters: one id per code point', () => {
    expect(encodeTokens('bad cab', chars, 'chars')).toEqual([1, 0, 3, 4, 2, 0, 1]);
  });

  it('words: split on any whitespace', () => {
    expect(encodeTokens('  the cat\n the ', ['cat', 'the'], 'words')).toEqual([1, 0, 1]);
  });

  it('names every unknown token with its steps (from 1)', () => {
    expect(refusal(() => encodeTokens('abÜcxÜ', chars, 'chars'))).toBe(
      "Unknown tokens, not in the vocabulary of 5: 'Ü' (steps 3, 6), 'x' (step 5).",
    );
    expect(refusal(() => encodeTokens('the dog', ['the', 'cat'], 'words'))).toBe(
      "An unknown token, not in the vocabulary of 2: 'dog' (step 2).",
    );
  });

  it('shows a newline or tab as \\n or \\t, and lists at most 10 unknown tokens', () => {
    expect(refusal(() => encodeTokens('a\nb', chars, 'chars'))).toContain("'\\n' (step 2)");
    expect(refusal(() => encodeTokens('ABCDEFGHIJKL', chars, 'chars'))).toMatch(
      /'J' \(step 10\), and 2 more\.$/,
    );
  });

  it('refuses empty text and text longer than the limit', () => {
    expect(refusal(() => encodeTokens('  ', ['a'], 'words'))).toBe('No tokens: the text is empty.');
    expect(refusal(() => encodeTokens('aaaa', chars, 'chars', 3))).toBe(
      '4 tokens; at most 3 steps can be run.',
    );
  });
});
