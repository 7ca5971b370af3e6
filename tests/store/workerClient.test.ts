import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GradientAnswer } from '../../src/store/gradientWorker';

/** A stand-in for the browser's Worker: records what is posted; the test plays the worker. */
class FakeWorker {
  static last: FakeWorker | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  posted: { id: number }[] = [];
  terminated = false;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(message: { id: number }) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  answer(data: GradientAnswer) {
    this.onmessage?.(new MessageEvent('message', { data }));
  }
}

let client: typeof import('../../src/store/workerClient');

beforeEach(async () => {
  vi.useFakeTimers();
  vi.stubGlobal('Worker', FakeWorker);
  vi.resetModules();
  client = await import('../../src/store/workerClient');
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** Queues a timing job of `cost`; returns what it settles with (undefined while pending). */
function job(cost = 0) {
  const result: { answer?: GradientAnswer } = {};
  client.sendJob({
    request: { job: { kind: 'timing' }, runKey: '1/1', spec: {} as never, params: {}, xs: [] },
    rank: 0,
    cost,
    settle: (answer) => (result.answer = answer),
  });
  return result;
}

describe('every worker job settles', () => {
  it('with the answer, one job at a time', () => {
    const first = job();
    const second = job();
    const worker = FakeWorker.last!;
    expect(worker.posted).toHaveLength(1);
    worker.answer({ id: worker.posted[0]!.id, values: [1, 1, 1] });
    expect(first.answer).toMatchObject({ values: [1, 1, 1] });
    expect(second.answer).toBeUndefined();
    expect(worker.posted).toHaveLength(2);
  });

  it('with an error when the script cannot load: the event is handled, the worker given up', () => {
    const running = job();
    const waiting = job();
    const event = new Event('error', { cancelable: true });
    FakeWorker.last!.onerror!(event);
    expect(event.defaultPrevented).toBe(true); // never an uncaught error on the page
    expect(running.answer).toEqual({ id: 1, error: 'its script could not be loaded' });
    expect(waiting.answer).toMatchObject({ error: 'its script could not be loaded' });
    expect(client.workerHealth()).toEqual({
      state: 'failed',
      reason: 'its script could not be loaded',
    });
    // Later jobs are refused at once (their callers compute on the page or say why not).
    const later = job();
    expect(later.answer).toBeUndefined();
    expect(FakeWorker.last!.posted).toHaveLength(1);
  });

  it('with an error when its answer cannot be read', () => {
    const running = job();
    FakeWorker.last!.onmessageerror!(new MessageEvent('messageerror'));
    expect(running.answer).toMatchObject({ error: 'its answer could not be read' });
  });

  it('with an error after its timeout, and the next job goes to a fresh worker', () => {
    const stuck = job(1e9); // 10⁹ multiply-adds: 20 s + 10 s
    const next = job();
    const first = FakeWorker.last!;
    vi.advanceTimersByTime(29_999);
    expect(stuck.answer).toBeUndefined();
    vi.advanceTimersByTime(1);
    expect(stuck.answer).toMatchObject({ error: 'it took longer than 30 s' });
    expect(first.terminated).toBe(true);
    const fresh = FakeWorker.last!;
    expect(fresh).not.toBe(first);
    fresh.answer({ id: fresh.posted[0]!.id, values: [2, 2, 2] });
    expect(next.answer).toMatchObject({ values: [2, 2, 2] });
  });
});
