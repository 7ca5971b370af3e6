// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fireEvent, render } from '@testing-library/react';
import { useKeyboardShortcuts } from '../../src/hooks/useKeyboardShortcuts';
import { createSceneStore, type SceneStore } from '../../src/store';

function Harness({ store }: { store: SceneStore }) {
  useKeyboardShortcuts(store);
  return (
    <div>
      <input aria-label="Input text" />
      <button type="button">Other</button>
    </div>
  );
}

function setup() {
  const store = createSceneStore();
  const view = render(<Harness store={store} />);
  return { store, view };
}

describe('keyboard shortcuts', () => {
  it('← → Page Up/Down Home End step through the sequence', () => {
    const { store } = setup();
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    fireEvent.keyDown(window, { key: 'PageDown' });
    expect(store.getState().t).toBe(3);
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    expect(store.getState().t).toBe(2);
    fireEvent.keyDown(window, { key: 'End' });
    expect(store.getState().t).toBe(11);
    fireEvent.keyDown(window, { key: 'PageUp' });
    expect(store.getState().t).toBe(10);
    fireEvent.keyDown(window, { key: 'Home' });
    expect(store.getState().t).toBe(1);
  });

  it('Space plays and pauses, except on a focused button that uses Space itself', () => {
    const { store, view } = setup();
    fireEvent.keyDown(window, { key: ' ' });
    expect(store.getState().playing).toBe(true);
    fireEvent.keyDown(view.getByRole('button', { name: 'Other' }), { key: ' ' });
    expect(store.getState().playing).toBe(true);
    fireEvent.keyDown(window, { key: ' ' });
    expect(store.getState().playing).toBe(false);
  });

  it('leaves keys alone inside a text field and with modifiers', () => {
    const { store, view } = setup();
    fireEvent.keyDown(view.getByRole('textbox', { name: 'Input text' }), { key: 'ArrowRight' });
    fireEvent.keyDown(window, { key: 'ArrowRight', ctrlKey: true });
    expect(store.getState().t).toBe(1);
  });
});
