import { useEffect, useState } from 'react';

/**
 * How many of `count` items to render now: all of them when `oneByOne` is false; else
 * `first` at first (1 by default; 0 renders none in the first task, a task that has its
 * own work), then one more a task after the last one rendered has landed (`landed`: how
 * many of the first items show their content; by default all do once committed), so that
 * several heavy items (three large models' panes, or their equations) never block the
 * page in one long task. A component calling it inside a `Suspense` boundary starts
 * counting only once the boundary's content has loaded and committed.
 */
export function useOneByOne(
  count: number,
  oneByOne: boolean,
  { landed = count, first = 1 }: { landed?: number; first?: 0 | 1 } = {},
): number {
  const [rendered, setRendered] = useState<number>(first);
  const shown = oneByOne ? Math.min(rendered, count) : count;
  useEffect(() => {
    if (!oneByOne || rendered >= count || landed < rendered) return;
    const timer = setTimeout(() => setRendered((n) => n + 1), 0);
    return () => clearTimeout(timer);
  }, [oneByOne, rendered, count, landed]);
  return shown;
}
