// @vitest-environment jsdom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useScene } from '../../../src/store';
import { TrainPanel } from '../../../src/views/training/TrainPanel';

beforeEach(() => {
  useScene.setState(useScene.getInitialState(), true);
});

/** 30 rows under a header "time, signal, later": "later" is "signal" two rows back. */
const NUMBERS = [
  'time,signal,later',
  ...Array.from({ length: 30 }, (_, t) => `${t},${Math.sin(t)},${Math.sin(t - 2)}`),
].join('\n');

const taskSelect = () => screen.getByRole('combobox', { name: 'Task' });
const trainButton = () => screen.getByRole('button', { name: 'Train' }) as HTMLButtonElement;
const YOURS = 'Your numbers (pasted under Controls)';

describe('TrainPanel on your own numbers', () => {
  it('offers them only while they are the input, with a hint otherwise', () => {
    render(<TrainPanel />);
    const options = () =>
      within(taskSelect())
        .getAllByRole('option')
        .map((o) => o.textContent);
    expect(options()).not.toContain(YOURS);
    expect(
      screen.getByText(/To train on your own numbers, choose Input: “Your numbers”/),
    ).toBeTruthy();
    act(() => void useScene.getState().setInputNumbers(NUMBERS));
    expect(options()).toContain(YOURS);
  });

  it('chooses target columns by name, says what it learns, and refuses bad choices in words', () => {
    useScene.getState().setInputNumbers(NUMBERS);
    render(<TrainPanel />);
    fireEvent.change(taskSelect(), { target: { value: 'numbers' } });
    const targets = screen.getByRole('group', { name: 'Target columns (what the model predicts)' });
    const box = (name: string) =>
      within(targets).getByRole('checkbox', { name }) as HTMLInputElement;
    // The last column is the first guess; T is brought down to half the 30 rows.
    expect([box('time').checked, box('signal').checked, box('later').checked]).toEqual([
      false,
      false,
      true,
    ]);
    expect(useScene.getState().trainSettings).toMatchObject({
      task: 'numbers',
      targets: [2],
      length: 15,
    });
    expect(
      screen.getByText(
        /The model reads time and signal and predicts later at every step after the first 2/,
      ),
    ).toBeTruthy();
    expect(
      screen.getByText(/within 0.25 standard deviations of the target counts as correct/),
    ).toBeTruthy();
    expect(trainButton().disabled).toBe(false);

    fireEvent.click(box('time'));
    fireEvent.click(box('signal'));
    expect(screen.getByRole('alert').textContent).toMatch(/Every column is a target/);
    expect(trainButton().disabled).toBe(true);
    expect(trainButton().getAttribute('aria-describedby')).toBe(screen.getByRole('alert').id);
    fireEvent.click(box('time'));
    fireEvent.click(box('signal'));
    expect(screen.queryByRole('alert')).toBeNull();

    fireEvent.change(screen.getByRole('spinbutton', { name: 'Steps per sequence' }), {
      target: { value: '20' },
    });
    expect(screen.getByRole('alert').textContent).toMatch(
      /Too few rows for 20 steps per sequence: training needs 40 rows .* have 30\. Use at most 15/,
    );
    // The pasted numbers are never touched.
    expect(useScene.getState().input.numbers).toBe(NUMBERS);
  });
});
