// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_INPUT } from '../../../src/scene';
import { useScene } from '../../../src/store';
import { InputControls } from '../../../src/views/controls/InputControls';
import { clearNumbersProblem, loadNumbersFile } from '../../../src/views/controls/numbersFile';

beforeEach(() => {
  useScene.setState(useScene.getInitialState(), true);
  clearNumbersProblem();
});

/** Chooses "Your numbers" in the Input select; returns the text area, once its code has loaded. */
async function chooseNumbers(): Promise<HTMLTextAreaElement> {
  render(<InputControls />);
  fireEvent.change(screen.getByRole('combobox', { name: 'Input' }), {
    target: { value: 'numbers' },
  });
  return (await screen.findByRole('textbox', { name: /Numbers/ })) as HTMLTextAreaElement;
}

/** Types `text` into the area and leaves it, as a paste then a click elsewhere does. */
function paste(area: HTMLTextAreaElement, text: string): void {
  fireEvent.change(area, { target: { value: text } });
  fireEvent.blur(area);
}

describe('Your numbers', () => {
  it('is a choice of the Input select that shows the numbers in use and their size', async () => {
    const area = await chooseNumbers();
    expect(useScene.getState().input.kind).toBe('numbers');
    expect(area).toHaveValue(DEFAULT_INPUT.numbers);
    expect(screen.getByText(/In use: 6 steps × 3 features \(x1, x2, x3\)/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Use these numbers' })).toBeInTheDocument();
    expect(screen.getByLabelText('Open data file')).toHaveAttribute('type', 'file');
  });

  it('uses pasted numbers when the field is left: the store and the hint follow', async () => {
    const area = await chooseNumbers();
    paste(area, '1\t2\n3\t4\n5\t6');
    expect(useScene.getState().input.numbers).toBe('1\t2\n3\t4\n5\t6');
    expect(screen.getByText(/In use: 3 steps × 2 features \(x1, x2\)/)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows why bad numbers were refused beside the field, keeps the text for fixing and the numbers in use', async () => {
    const area = await chooseNumbers();
    paste(area, '1,2,3\n4,five,6');
    expect(screen.getByRole('alert')).toHaveTextContent(
      "Row 2, column 2: 'five' is not a number. Kept the previous numbers.",
    );
    expect(area).toHaveValue('1,2,3\n4,five,6');
    expect(area).toHaveAttribute('aria-invalid', 'true');
    expect(useScene.getState().input.numbers).toBe(DEFAULT_INPUT.numbers);
    expect(screen.getByText(/In use: 6 steps × 3 features/)).toBeInTheDocument();
    // Fixed and used with the button: the message goes.
    fireEvent.change(area, { target: { value: '1,2,3\n4,5,6' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use these numbers' }));
    expect(useScene.getState().input.numbers).toBe('1,2,3\n4,5,6');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(area).not.toHaveAttribute('aria-invalid');
  });

  it('opens a data file, and names the file when its numbers are refused', async () => {
    const area = await chooseNumbers();
    const input = screen.getByLabelText('Open data file');
    fireEvent.change(input, {
      target: { files: [new File(['a;b\n1,5;2\n3;4,25\n'], 'eu.csv', { type: 'text/csv' })] },
    });
    await waitFor(() => expect(area).toHaveValue('a;b\n1,5;2\n3;4,25\n'));
    expect(screen.getByText(/In use: 2 steps × 2 features \(a, b\)/)).toBeInTheDocument();
    fireEvent.change(input, {
      target: { files: [new File(['1,2\n3'], 'short.csv', { type: 'text/csv' })] },
    });
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(/^short\.csv: Row 2 has 1 column/),
    );
    expect(useScene.getState().input.numbers).toBe('a;b\n1,5;2\n3;4,25\n');
  });

  it('a refused file dropped while another input is shown says why under the Input select, and the input stays', async () => {
    render(<InputControls />);
    await act(() => loadNumbersFile(new File(['1,2\n,4'], 'gap.csv')));
    expect(screen.getByRole('alert')).toHaveTextContent('gap.csv: Row 2, column 1 is empty.');
    expect(useScene.getState().input.kind).toBe('text');
    expect(screen.getByRole('textbox', { name: 'Input text' })).toBeInTheDocument();
    // Choosing another input forgets it.
    fireEvent.change(screen.getByRole('combobox', { name: 'Input' }), {
      target: { value: 'sine' },
    });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
