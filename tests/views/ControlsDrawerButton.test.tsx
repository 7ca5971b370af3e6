// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useScene } from '../../src/store';
import { ControlsDrawerButton } from '../../src/views/controls/ControlsDrawerButton';

beforeEach(() => {
  useScene.setState(useScene.getInitialState(), true);
});

const drawer = () => document.documentElement.dataset.controlsDrawer;

describe('ControlsDrawerButton', () => {
  it('opens and closes the drawer, and Escape closes it', () => {
    render(<ControlsDrawerButton />);
    const button = screen.getByRole('button', { name: 'Controls' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveAttribute('aria-controls', 'controls');
    expect(drawer()).toBeUndefined();
    fireEvent.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(drawer()).toBe('open');
    fireEvent.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(drawer()).toBeUndefined();
    fireEvent.click(button);
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(drawer()).toBeUndefined();
  });

  it('is absent, and the drawer closed, while the Controls are folded away', () => {
    render(<ControlsDrawerButton />);
    fireEvent.click(screen.getByRole('button', { name: 'Controls' }));
    act(() => useScene.getState().setPresentation(true));
    expect(screen.queryByRole('button', { name: 'Controls' })).toBeNull();
    expect(drawer()).toBeUndefined();
  });
});
