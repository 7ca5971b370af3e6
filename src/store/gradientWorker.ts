/**
 * Web Worker: the one worker of the app, for the work too slow for the main thread:
 * - `trace`: the forward pass of a large scene (answers with the trace's buffers);
 * - `norms`: `jacobianNorms` of a layer (O(T·G·H³));
 * - `saliency`: the input saliency of a top-layer unit (one `backward`);
 * - `timing`: the measured ms of one forward + backward pass (the compare table);
 * - `model`: a trained model's file, fetched, read and checked here (a file of tens of MB
 *   takes seconds to receive and parse: never on the page). Unlike the others it runs
 *   beside them, since it mostly waits for the network;
 * - `import`: the user's own model files, read and converted (src/io/import): a parser on
 *   a file of up to 100 MB must never hold the page. Sent beside the queue too, with the
 *   caller's own time cap;
 * - `train`: a training session (./training/), stepped in short slices between the other
 *   jobs and reporting its progress many times under its request's id; `train-control`
 *   pauses, resumes, steps or cancels it.
 * Receives the model as a spec and PyTorch-named parameters (plain data) and keeps the
 * last few runs by their key, so the jobs of one run share one forward pass.
 */
import {
  createModel,
  forward,
  tracePayload,
  transferables,
  type Intervention,
  type Model,
  type ModelSpec,
  type StateDictLike,
  type Trace,
  type TracePayload,
} from '../engine';
import {
  fetchModelBytes,
  invalidFile,
  ModelLoadError,
  readModelBytes,
  type ModelLoadReason,
} from '../io/modelFetch';
import type { ModelFile } from '../io/modelFile';
import type { ImportedModel, ImportFile } from '../io/import/types';
import type { OkPaneRun } from './gradients';
import { jacobianNormsOf, saliencyOf } from './gradients';
import { timePass } from './timing';
import type { StandAside, TrainControl, TrainProgress, TrainStart } from './training/protocol';
import { controlTraining, startTraining } from './training/workerSide';

/** Which quantity a job asks for. */
export type GradientJob =
  | { kind: 'norms'; layer: number }
  | { kind: 'saliency'; unit: number }
  | { kind: 'timing' }
  | { kind: 'trace' }
  | { kind: 'model'; url: string; modelId: string }
  | { kind: 'import'; files: ImportFile[] }
  | { kind: 'train'; start: TrainStart }
  | { kind: 'train-control'; control: TrainControl | StandAside };

/** The jobs not about one run (sent beside the queue): files and training. */
type FileJob = Extract<GradientJob, { kind: 'model' | 'import' | 'train' | 'train-control' }>;

/** The jobs about one run (a model on an input), sent through the queue. */
export type RunJob = Exclude<GradientJob, FileJob>;

/** Which model on which input a job is about. */
export interface RunRequest {
  /** Names the (model, input) pair: equal keys mean the same model on the same input. */
  runKey: string;
  spec: ModelSpec;
  params: StateDictLike;
  /** [T][I] input of layer 0. */
  xs: number[][];
  /** What the run forces (see the engine's `Intervention`); absent for the model's own run. */
  interventions?: Intervention[];
}

/** A job, and for every job but `model` and `import` the run it is about. */
export type JobRequest = ({ job: Exclude<GradientJob, FileJob> } & RunRequest) | { job: FileJob };

/** A request as posted: `id` pairs it with its answer. */
export type GradientRequest = JobRequest & { id: number };

/**
 * The answer: numbers by t = 0..T−1 (norms, saliency) or [median, fastest, slowest ms per
 * pass] (timing); a trace's buffers; a model file fetched and checked, or why it was refused
 * (`refused`, in words); or why the job failed (`error`).
 */
export type GradientAnswer =
  | { id: number; values: number[] }
  | { id: number; trace: TracePayload }
  | { id: number; file: ModelFile }
  | { id: number; imported: ImportedModel[] }
  | { id: number; training: TrainProgress }
  | { id: number; refused: { reason: ModelLoadReason; message: string } }
  | { id: number; error: string };

/** Runs kept for later jobs: three panes and one more. */
const KEPT_RUNS = 4;
const runs = new Map<string, { model: Model; trace: Trace }>();

/** The run of a request, from the kept runs or computed (and kept) now. */
function runOf(request: RunRequest): { model: Model; trace: Trace } {
  const { runKey, spec, params, xs, interventions } = request;
  const kept = runs.get(runKey);
  if (kept) return kept;
  const model = createModel(spec, params);
  const run = { model, trace: forward(model, xs, { interventions }) };
  runs.set(runKey, run);
  if (runs.size > KEPT_RUNS) runs.delete(runs.keys().next().value as string);
  return run;
}

/** Fetches, reads and checks a model file; answers with it, or with why it was refused. */
async function loadModel(id: number, url: string, modelId: string): Promise<void> {
  let answer: GradientAnswer;
  try {
    answer = { id, file: readModelBytes(await fetchModelBytes(url), modelId).file };
  } catch (error) {
    const refused = error instanceof ModelLoadError ? error : invalidFile(error);
    answer = { id, refused: { reason: refused.reason, message: refused.message } };
  }
  self.postMessage(answer);
}

/** Reads the user's model files (the parsers load on first use); answers with the models or why not. */
async function importFiles(id: number, files: ImportFile[]): Promise<void> {
  let answer: GradientAnswer;
  try {
    const { importModels } = await import('../io/import');
    answer = { id, imported: await importModels(files) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    answer = { id, refused: { reason: 'not-a-model', message } };
  }
  self.postMessage(answer);
}

self.onmessage = (event: MessageEvent<GradientRequest>) => {
  const request = event.data;
  const { id } = request;
  let answer: GradientAnswer;
  try {
    if (request.job.kind === 'model') {
      void loadModel(id, request.job.url, request.job.modelId);
      return;
    }
    if (request.job.kind === 'import') {
      void importFiles(id, request.job.files);
      return;
    }
    if (request.job.kind === 'train') {
      startTraining(id, request.job.start, (session, training) =>
        self.postMessage({ id: session, training } satisfies GradientAnswer),
      );
      return;
    }
    if (request.job.kind === 'train-control') {
      controlTraining(request.job.control);
      return;
    }
    const run = request as RunRequest & { job: Exclude<GradientJob, FileJob> };
    const { xs, job } = run;
    const { model, trace } = runOf(run);
    if (job.kind === 'trace') {
      // Moved, not copied (tens of MB for a large scene): later jobs of this run compute
      // the forward pass again, which costs less than copying it both ways.
      runs.delete(run.runKey);
      const payload = tracePayload(trace);
      self.postMessage({ id, trace: payload } satisfies GradientAnswer, {
        transfer: transferables(payload),
      });
      return;
    } else if (job.kind === 'timing') {
      const { ms, low, high } = timePass(model, xs);
      answer = { id, values: [ms, low, high] };
    } else {
      // The same functions the main thread would run, on a run rebuilt here.
      const rebuilt = { ok: true, model, trace, sequence: { xs } } as unknown as OkPaneRun;
      const values =
        job.kind === 'norms' ? jacobianNormsOf(rebuilt, job.layer) : saliencyOf(rebuilt, job.unit);
      answer = { id, values: [...values] };
    }
  } catch (error) {
    answer = { id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(answer);
};
