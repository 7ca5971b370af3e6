// @vitest-environment jsdom
import { render, screen, fireEvent } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PanelBoundary } from '../../src/views/PanelBoundary';

let fail = true;
function Flaky() {
  if (fail) throw new Error('x_7 should have 3 features');
  return <p>panel content</p>;
}

describe('PanelBoundary', () => {
  it('keeps a panel’s render error inside it, says why, and Try again renders it anew', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <div>
        <p>the rest of the page</p>
        <PanelBoundary what="equations">
          <Flaky />
        </PanelBoundary>
      </div>,
    );
    expect(screen.getByText('the rest of the page')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain(
      'The equations could not be shown: x_7 should have 3 features.',
    );
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('panel content')).toBeTruthy();
    quiet.mockRestore();
  });
});
