// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fireEvent, render, within } from '@testing-library/react';
import { useState } from 'react';
import { SHORTCUTS, useKeyboardShortcuts } from '../../src/hooks/useKeyboardShortcuts';
import { goToStop } from '../../src/lessons/navigate';
import { createSceneStore, type SceneStore } from '../../src/store';
import { ShortcutsDialog } from '../../src/views/controls/ShortcutsDialog';
import { rangeKeysStayLocal } from '../../src/views/rangeKeys';

function Harness({ store, onKeyDown }: { store: SceneStore; onKeyDown?: (key: string) => void }) {
  const [help, setHelp] = useState(false);
  useKeyboardShortcuts(store, { onHelp: () => setHelp(true) });
  return (
    <div onKeyDown={(event) => onKeyDown?.(event.key)}>
      <input aria-label="Input text" />
      <input aria-label="Weight scale" type="range" ref={rangeKeysStayLocal} />
      <button type="button">Other</button>
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
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

  it('on a focused slider, the keys that move it stay there; P and ? still reach the page', () => {
    const store = createSceneStore();
    const seen: string[] = [];
    const view = render(<Harness store={store} onKeyDown={(key) => seen.push(key)} />);
    const slider = view.getByRole('slider', { name: 'Weight scale' });
    for (const key of ['ArrowRight', 'ArrowUp', 'PageDown', 'Home', 'End']) {
      fireEvent.keyDown(slider, { key });
      fireEvent.keyUp(slider, { key });
    }
    // No React handler above the slider sees them (React's select-event polyfill would
    // force a layout of the page on each), and time does not step.
    expect(seen).toEqual([]);
    expect(store.getState().t).toBe(1);
    fireEvent.keyDown(slider, { key: 'p' });
    expect(store.getState().presentation).toBe(true);
    fireEvent.keyDown(slider, { key: '?' });
    expect(view.getByRole('dialog')).toBeInTheDocument();
    expect(seen).toEqual(['p', '?']);
  });

  it('leaves keys alone inside a text field and with modifiers', () => {
    const { store, view } = setup();
    fireEvent.keyDown(view.getByRole('textbox', { name: 'Input text' }), { key: 'ArrowRight' });
    fireEvent.keyDown(window, { key: 'ArrowRight', ctrlKey: true });
    expect(store.getState().t).toBe(1);
  });

  it('with a lesson open, Page Down / Page Up move between stops and ← → still step', () => {
    const { store } = setup();
    // Lesson 3 (4 stops): stop 1 at step 60 with weight scale 1, stop 2 at scale 0.5.
    goToStop(store, 'exploding-gradients', 0);
    fireEvent.keyDown(window, { key: 'PageUp' }); // nothing before the first stop
    expect(store.getState().stop).toBe(0);
    fireEvent.keyDown(window, { key: 'PageDown' });
    expect(store.getState().stop).toBe(1);
    expect(store.getState().panes[0]!.weightScale).toBe(0.5);
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    expect(store.getState().t).toBe(59);
    expect(store.getState().stop).toBe(1);
    for (let n = 0; n < 5; n++) fireEvent.keyDown(window, { key: 'PageDown' });
    expect(store.getState().stop).toBe(3); // the last stop, and no further
    expect(store.getState().t).toBe(20); // the last stop's own step
    fireEvent.keyDown(window, { key: 'PageUp' });
    expect(store.getState().stop).toBe(2);
    expect(store.getState().panes[0]!.weightScale).toBe(3);
  });

  it('Esc leaves presentation mode, but not from inside the shortcut list, nor once something took it', () => {
    const { store, view } = setup();
    fireEvent.keyDown(window, { key: 'Escape' }); // not presenting: nothing to leave
    expect(store.getState().presentation).toBe(false);
    fireEvent.keyDown(window, { key: 'p' });
    expect(store.getState().presentation).toBe(true);
    fireEvent.keyDown(window, { key: '?' });
    const dialog = view.getByRole('dialog', { name: 'Keyboard shortcuts' });
    fireEvent.keyDown(within(dialog).getByRole('button', { name: 'Close' }), { key: 'Escape' });
    expect(store.getState().presentation).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    // A drawer or a menu that closes on Esc marks the key as used.
    const taken = new KeyboardEvent('keydown', { key: 'Escape', cancelable: true, bubbles: true });
    taken.preventDefault();
    window.dispatchEvent(taken);
    expect(store.getState().presentation).toBe(true);
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(store.getState().presentation).toBe(false);
  });

  it('? opens the list of every shortcut as a named dialog; Close shuts it', () => {
    const { view } = setup();
    expect(view.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull();
    fireEvent.keyDown(view.getByRole('textbox', { name: 'Input text' }), { key: '?' });
    expect(view.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull(); // typed
    fireEvent.keyDown(window, { key: '?' });
    const dialog = view.getByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const key of ['Page Down', 'Page Up', '→', '←', 'Space', 'Home', 'End', 'P', '?']) {
      expect(dialog).toHaveTextContent(key);
    }
    expect(within(dialog).getAllByRole('row')).toHaveLength(SHORTCUTS.length + 1);
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(view.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull();
  });
});
