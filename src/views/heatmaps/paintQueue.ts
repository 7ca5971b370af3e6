/**
 * Large heatmap images are computed and painted one per task, so that a scene of many
 * big heatmaps (three panes × six quantities × 2000 steps × 64 units) never holds the
 * main thread for long: between two paints the page takes input and draws frames. Small
 * images are painted at once by their caller (no visible delay): see {@link paintsLater}.
 */

/** Cells (steps × units) from which an image is painted in a task of its own. */
export const LATER_FROM_CELLS = 40_000;

/** True when an image of T × H cells is painted through the queue. */
export function paintsLater(T: number, H: number): boolean {
  return T * H >= LATER_FROM_CELLS;
}

/** Waiting paints by owner (a canvas): a newer paint of an owner replaces its older one. */
const waiting = new Map<object, () => void>();
let scheduled = false;

/** Runs the oldest waiting paint, then schedules the next one in a new task. */
function runNext(): void {
  scheduled = false;
  const next = waiting.entries().next();
  if (next.done) return;
  const [owner, paint] = next.value;
  waiting.delete(owner);
  if (waiting.size > 0) schedule();
  paint();
}

/** A task as soon as possible: a message to ourselves, which timers' 4 ms clamp skips. */
const channel = typeof MessageChannel === 'function' ? new MessageChannel() : null;
if (channel) channel.port1.onmessage = runNext;

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  if (channel) channel.port2.postMessage(null);
  else setTimeout(runNext, 0);
}

/**
 * Queues `paint` for `owner`, replacing a paint of the same owner still waiting; paints
 * run in the order queued, one per task. Returns a cancel function (call it on unmount
 * or when the image changes before it was painted).
 */
export function paintInTurn(owner: object, paint: () => void): () => void {
  waiting.delete(owner); // a replaced paint goes to the back of the line
  waiting.set(owner, paint);
  schedule();
  return () => {
    if (waiting.get(owner) === paint) waiting.delete(owner);
  };
}
