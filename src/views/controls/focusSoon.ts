/** DOM ids of controls that take the focus when the control pressed disappears. */
export const FOCUS_IDS = {
  showControls: 'show-controls',
  hideControls: 'hide-controls',
  addModel: 'add-model',
  compare: 'compare-toggle',
} as const;

/**
 * Moves the keyboard focus to the element with this id once React has rendered it (next
 * frame): pressing a button that removes itself (Hide controls, Remove model) must not
 * drop the focus to <body>. Does nothing when the element is absent.
 */
export function focusSoon(id: string): void {
  const focus = () => document.getElementById(id)?.focus();
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(focus);
  else setTimeout(focus, 0);
}
