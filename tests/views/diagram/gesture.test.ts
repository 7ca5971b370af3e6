import { describe, expect, it } from 'vitest';
import { classifyGesture, SWIPE_MIN, TAP_SLOP } from '../../../src/views/diagram/gesture';

describe('classifyGesture', () => {
  it('swiping left goes to the next step, swiping right to the previous one', () => {
    expect(classifyGesture(-120, 10)).toBe('next');
    expect(classifyGesture(120, -10)).toBe('previous');
    expect(classifyGesture(-SWIPE_MIN, 0)).toBe('next');
  });

  it('a touch that hardly moved is a tap', () => {
    expect(classifyGesture(0, 0)).toBe('tap');
    expect(classifyGesture(TAP_SLOP - 1, 0)).toBe('tap');
  });

  it('scrolling, short or odd moves never step', () => {
    expect(classifyGesture(-60, -200)).toBe('none'); // mostly vertical: a scroll
    expect(classifyGesture(-60, -31)).toBe('none'); // not twice as wide as tall
    expect(classifyGesture(-(SWIPE_MIN - 1), 0)).toBe('none'); // too short
    expect(classifyGesture(Number.NaN, 0)).toBe('none');
  });
});
