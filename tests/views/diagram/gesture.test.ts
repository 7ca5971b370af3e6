import { describe, expect, it } from 'vitest';
import { classifyGesture, SWIPE_MIN, SWIPE_MS, TAP_SLOP } from '../../../src/views/diagram/gesture';

describe('classifyGesture', () => {
  it('swiping left goes to the next step, swiping right to the previous one', () => {
    expect(classifyGesture(-120, 10, 200)).toBe('next');
    expect(classifyGesture(120, -10, 200)).toBe('previous');
    expect(classifyGesture(-SWIPE_MIN, 0, SWIPE_MS)).toBe('next');
  });

  it('a touch that hardly moved is a tap, whatever its length', () => {
    expect(classifyGesture(0, 0, 50)).toBe('tap');
    expect(classifyGesture(TAP_SLOP - 1, 0, 2000)).toBe('tap');
  });

  it('scrolling, short, slow or odd moves never step', () => {
    expect(classifyGesture(-60, -200, 200)).toBe('none'); // mostly vertical: a scroll
    expect(classifyGesture(-60, -31, 200)).toBe('none'); // not twice as wide as tall
    expect(classifyGesture(-(SWIPE_MIN - 1), 0, 100)).toBe('none'); // too short
    expect(classifyGesture(-200, 0, SWIPE_MS + 1)).toBe('none'); // a slow drag
    expect(classifyGesture(Number.NaN, 0, 100)).toBe('none');
  });
});
