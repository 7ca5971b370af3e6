import { expect, it, vi } from 'vitest';
import { paintInTurn, paintsLater } from '../../../src/views/heatmaps/paintQueue';

it('paints large images later, small ones at once', () => {
  expect(paintsLater(200, 32)).toBe(false); // the default scenes
  expect(paintsLater(500, 32)).toBe(false);
  expect(paintsLater(2000, 64)).toBe(true); // the largest scene the controls accept
});

it('runs one paint per task, in order, never during the call that queues it', async () => {
  const ran: string[] = [];
  const seenBetween: string[][] = [];
  const paint = (name: string) => () => {
    ran.push(name);
    // A microtask runs when this task ends: before the next paint if each has its own task.
    queueMicrotask(() => seenBetween.push([...ran]));
  };
  paintInTurn({}, paint('a'));
  paintInTurn({}, paint('b'));
  paintInTurn({}, paint('c'));
  expect(ran).toEqual([]);
  await vi.waitFor(() => expect(ran).toEqual(['a', 'b', 'c']));
  expect(seenBetween).toEqual([['a'], ['a', 'b'], ['a', 'b', 'c']]);
});

it('a newer paint of a canvas replaces its waiting one; a cancelled paint never runs', async () => {
  const ran: string[] = [];
  const canvas = {};
  const other = {};
  paintInTurn(canvas, () => ran.push('old image'));
  const cancel = paintInTurn(other, () => ran.push('cancelled'));
  paintInTurn(canvas, () => ran.push('new image'));
  cancel();
  paintInTurn({}, () => ran.push('last'));
  await vi.waitFor(() => expect(ran).toContain('last'));
  expect(ran).toEqual(['new image', 'last']);
});
