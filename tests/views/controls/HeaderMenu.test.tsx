// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HeaderMenu } from '../../../src/views/controls/HeaderMenu';

const renderMenu = () =>
  render(
    <>
      <HeaderMenu>
        <button type="button">Full screen</button>
      </HeaderMenu>
      <p>elsewhere</p>
    </>,
  );

describe('HeaderMenu', () => {
  it('is a disclosure of the actions after it; Escape closes it and focuses the toggle', () => {
    renderMenu();
    const more = screen.getByRole('button', { name: 'More' });
    const items = document.getElementById(more.getAttribute('aria-controls')!)!;
    expect(items).toContainElement(screen.getByRole('button', { name: 'Full screen' }));
    expect(more).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(more);
    expect(more).toHaveAttribute('aria-expanded', 'true');
    screen.getByRole('button', { name: 'Full screen' }).focus();
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    expect(more).toHaveFocus();
  });

  it('closes on a tap outside, not on one inside', () => {
    renderMenu();
    const more = screen.getByRole('button', { name: 'More' });
    fireEvent.click(more);
    fireEvent.pointerDown(screen.getByRole('button', { name: 'Full screen' }));
    expect(more).toHaveAttribute('aria-expanded', 'true');
    fireEvent.pointerDown(screen.getByText('elsewhere'));
    expect(more).toHaveAttribute('aria-expanded', 'false');
  });
});
