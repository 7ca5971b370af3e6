/**
 * A worker thread of ./train-models.ts: receives one plan row at a time, trains it and
 * answers with its model file as JSON text and the time it took.
 */
import { parentPort } from 'node:worker_threads';
import type { ModelRun } from './modelPlan';
import { makeModelFile, modelFileJson } from './trainModel';

/** What a worker answers for each row it is sent. */
export interface WorkerResult {
  id: string;
  /** The model file, ready to write. */
  text: string;
  accuracy: number;
  loss: number;
  seconds: number;
}

const port = parentPort;
if (!port) throw new Error('scripts/trainWorker.ts runs as a worker thread of train-models.ts.');

port.on('message', (run: ModelRun) => {
  const start = performance.now();
  const file = makeModelFile(run);
  const result: WorkerResult = {
    id: run.id,
    text: modelFileJson(file),
    accuracy: file.metrics.accuracy,
    loss: file.metrics.loss,
    seconds: (performance.now() - start) / 1000,
  };
  port.postMessage(result);
});
