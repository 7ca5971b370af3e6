// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { goToStop } from '../../../src/lessons/navigate';
import { useScene } from '../../../src/store';
import { LessonNotes } from '../../../src/views/lessons/LessonNotes';

beforeEach(() => useScene.setState(useScene.getInitialState(), true));

const caption = () => document.querySelector('.lesson-caption')!;
const back = () => screen.queryByRole('button', { name: 'Back to this stop' });

describe('Lesson notes', () => {
  it('keep the stop’s numbers when the scene moves, say how it moved, and go back', () => {
    // Lesson 3 runs random weights only: nothing to fetch.
    act(() => void goToStop(useScene, 'exploding-gradients', 0));
    render(<LessonNotes />);
    const atStop = caption().textContent;
    expect(atStop).toMatch(/With weight scale 1: ‖∂h_T\/∂h_1‖ = \d/);
    expect(back()).toBeNull();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();

    // Stepping does not touch a caption that quotes no per-step number.
    act(() => useScene.getState().setStep(10));
    expect(back()).toBeNull();

    act(() => void useScene.getState().updatePane('A', { weightScale: 2 }));
    expect(caption().textContent).toBe(atStop);
    expect(screen.getByRole('status')).toHaveTextContent(
      'The screen has moved on from this stop (model A’s weight scale is 2, not 1): the numbers above are the stop’s, not the screen’s.',
    );
    fireEvent.click(back()!);
    expect(useScene.getState().panes[0]!.weightScale).toBe(1);
    expect(useScene.getState().t).toBe(60);
    expect(back()).toBeNull();
    expect(caption().textContent).toBe(atStop);
    expect(caption()).toHaveFocus(); // the keyboard stays in the notes
  });

  it('move the whole scene with Next and Previous', () => {
    act(() => void goToStop(useScene, 'exploding-gradients', 0));
    render(<LessonNotes />);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(useScene.getState().stop).toBe(1);
    expect(useScene.getState().panes[0]!.weightScale).toBe(0.5);
    expect(screen.getByText('Stop 2 of 4')).toBeInTheDocument();
    expect(caption().textContent).toMatch(/weight scale 0\.5/);
    fireEvent.click(screen.getByRole('button', { name: 'Previous' }));
    expect(useScene.getState().panes[0]!.weightScale).toBe(1);
  });
});
