/** Keys a range input handles itself: a step, a page, either end. */
const RANGE_KEYS = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'PageUp',
  'PageDown',
  'Home',
  'End',
]);

function keepRangeKey(event: KeyboardEvent): void {
  if (RANGE_KEYS.has(event.key)) event.stopPropagation();
}

/**
 * Ref callback for an `<input type="range">`: the keys that move it ({@link RANGE_KEYS})
 * end at the input, whose own handling of them is all they do (the page's shortcuts leave
 * a focused field's arrows alone anyway). Other keys (P, ?) still reach the shortcuts.
 *
 * Why: React's root listener runs its `onSelect` polyfill on every keydown and keyup of a
 * focused range input, which it counts as a text field, and that reads the document's
 * selection, which forces a layout of the whole page inside each key press: 3–9 ms per
 * press of the weight-scale slider with one LSTM at T = 500, before its update starts.
 */
export function rangeKeysStayLocal(input: HTMLInputElement | null): (() => void) | undefined {
  if (!input) return undefined;
  input.addEventListener('keydown', keepRangeKey);
  input.addEventListener('keyup', keepRangeKey);
  return () => {
    input.removeEventListener('keydown', keepRangeKey);
    input.removeEventListener('keyup', keepRangeKey);
  };
}
