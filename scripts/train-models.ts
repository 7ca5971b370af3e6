/**
 * `npm run train-models`: trains every model of ./modelPlan.ts (RNN, LSTM and GRU on each
 * task, fixed seeds) on two worker threads and writes `public/models/<id>.json` and
 * `public/models/index.json`, then prints the results as a markdown table. Deterministic:
 * a rerun writes the same files byte for byte.
 *
 *   npm run train-models                      # everything (a few minutes on 2 cores)
 *   npm run train-models -- remember-first-50 # only the ids starting with these prefixes
 *   npm run train-models -- --workers 1       # one thread
 *   npm run train-models -- --seed-study 5 remember-first
 *       # trains those rows with seeds 1–5 and prints each seed's accuracy; writes nothing
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { GATE_BLOCKS, makeTask, TASK_NAMES } from '../src/engine';
import { modelIndexEntry, parseModelFile, type ModelFile } from '../src/io/modelFile';
import { MODEL_PLAN, type ModelRun } from './modelPlan';
import type { WorkerResult } from './trainWorker';

const OUT_DIR = join(import.meta.dirname, '..', 'public', 'models');
const INDEX_FILE = 'index.json';

/** A rough cost of a run, to hand out the longest first: scalar multiply-adds of training. */
function cost(run: ModelRun): number {
  const { spec, training, taskParams } = run;
  const H = spec.hiddenSize;
  const perStep = GATE_BLOCKS[spec.cell] * H * (spec.inputSize + H * (2 * spec.numLayers - 1));
  const samples = training.epochs * training.batchesPerEpoch * training.batchSize;
  return samples * (taskParams.length ?? 1) * (perStep + 40 * H);
}

/** Starts a worker thread on ./trainWorker.ts, loading TypeScript through tsx. */
function startWorker(): Worker {
  const entry = new URL('./trainWorker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}));`;
  return new Worker(boot, { eval: true });
}

/** Trains `runs` on `threads` workers, longest first; resolves with the results by id. */
function trainAll(runs: readonly ModelRun[], threads: number): Promise<Map<string, WorkerResult>> {
  const queue = [...runs].sort((a, b) => cost(b) - cost(a));
  const results = new Map<string, WorkerResult>();
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const fail = (error: unknown) => {
      for (const worker of workers) void worker.terminate();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const next = (worker: Worker) => {
      const run = queue.shift();
      if (run) worker.postMessage(run);
      else void worker.terminate();
    };
    for (let k = 0; k < Math.min(threads, runs.length); k++) {
      const worker = startWorker();
      workers.push(worker);
      worker.on('error', fail);
      worker.on('message', (result: WorkerResult) => {
        results.set(result.id, result);
        const clock = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
        console.log(
          `${clock} s  [${String(results.size).padStart(2)}/${runs.length}] ${result.id.padEnd(28)}` +
            ` accuracy ${result.accuracy.toFixed(3)}  loss ${result.loss.toPrecision(3).padEnd(8)}` +
            ` (${result.seconds.toFixed(1)} s)`,
        );
        if (results.size < runs.length) next(worker);
        else void Promise.all(workers.map((w) => w.terminate())).then(() => resolve(results));
      });
      next(worker);
    }
  });
}

/** "98.5%" */
const percent = (v: number) => `${(100 * v).toFixed(1)}%`;

/** One table cell: accuracy, and for mse tasks the mean squared error too. */
function cellText(file: ModelFile | undefined, mse: boolean): string {
  if (!file) return '—';
  const { accuracy, loss } = file.metrics;
  return mse ? `${percent(accuracy)} (MSE ${loss.toPrecision(2)})` : percent(accuracy);
}

/** The markdown results table: one row per task and length, RNN vs LSTM vs GRU, then the extras. */
function resultsTable(files: readonly ModelFile[]): string {
  const byId = new Map(files.map((f) => [f.id, f]));
  const lines = ['| task | T | RNN | LSTM | GRU | chance |', '|---|---:|---:|---:|---:|---:|'];
  const extras: string[] = [];
  for (const name of TASK_NAMES) {
    const ofTask = files.filter((f) => f.task.name === name);
    const mse = makeTask(name).loss === 'mse';
    const lengths = [...new Set(ofTask.map((f) => f.task.length as number))].sort((a, b) => a - b);
    for (const T of lengths) {
      const first = ofTask.find((f) => f.task.length === T)!;
      const cells = (['rnn', 'lstm', 'gru'] as const).map((cell) =>
        cellText(byId.get(`${name}-${T}-${cell}`), mse),
      );
      lines.push(`| ${name} | ${T} | ${cells.join(' | ')} | ${percent(first.metrics.chance)} |`);
    }
    for (const f of ofTask.filter((f) => f.id !== `${name}-${f.task.length}-${f.spec.cell}`)) {
      extras.push(`- ${f.title} (\`${f.id}\`): ${cellText(f, false)}`);
    }
  }
  return [...lines, ...(extras.length ? ['', ...extras] : [])].join('\n');
}

interface Args {
  /** Only the plan rows whose id starts with one of these (all when empty). */
  prefixes: string[];
  threads: number;
  /** Seeds of a seed study (0: none, train and write the plan). */
  seeds: number;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { prefixes: [], threads: Math.min(2, availableParallelism()), seeds: 0 };
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!;
    if (arg === '--workers') args.threads = Math.max(1, Number(argv[++k]) || 1);
    else if (arg === '--seed-study') args.seeds = Math.max(1, Number(argv[++k]) || 1);
    else args.prefixes.push(arg);
  }
  return args;
}

/** Samples scored per model in a seed study (fewer than the files', for speed). */
const STUDY_SAMPLES = 500;

/**
 * Trains each of `runs` with seeds 1..`seeds` (everything else as planned) and prints, per
 * task, length and cell, each seed's held-out accuracy and how many reached 90%.
 */
async function seedStudy(runs: readonly ModelRun[], seeds: number, threads: number) {
  const variants = runs.flatMap((run) =>
    Array.from({ length: seeds }, (_, k) => ({
      ...run,
      id: `${run.id}-seed${k + 1}`,
      training: { ...run.training, seed: k + 1 },
      evalSamples: STUDY_SAMPLES,
    })),
  );
  console.log(`Seed study: ${variants.length} models on ${threads} worker thread(s) …`);
  const results = await trainAll(variants, threads);
  console.log(`\n| model | accuracy, seeds 1–${seeds} | ≥ 90% |\n|---|---|---:|`);
  for (const run of runs) {
    const accuracies = Array.from(
      { length: seeds },
      (_, k) => results.get(`${run.id}-seed${k + 1}`)!.accuracy,
    );
    const learned = accuracies.filter((a) => a >= 0.9).length;
    console.log(
      `| ${run.id} | ${accuracies.map((a) => a.toFixed(2)).join(' ')} | ${learned}/${seeds} |`,
    );
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const { prefixes, threads, seeds } = parseArgs(process.argv.slice(2));
  const runs = prefixes.length
    ? MODEL_PLAN.filter((run) => prefixes.some((p) => run.id.startsWith(p)))
    : MODEL_PLAN;
  if (runs.length === 0) throw new Error(`No model id starts with ${prefixes.join(' or ')}.`);
  if (seeds > 0) {
    await seedStudy(runs, seeds, threads);
    console.log(`\n${((performance.now() - started) / 1000).toFixed(0)} s in all.`);
    return;
  }
  console.log(`Training ${runs.length} models on ${threads} worker thread(s) …`);
  const results = await trainAll(runs, threads);

  mkdirSync(OUT_DIR, { recursive: true });
  for (const run of runs) writeFileSync(join(OUT_DIR, `${run.id}.json`), results.get(run.id)!.text);
  const planned = new Set(MODEL_PLAN.map((run) => `${run.id}.json`));
  if (prefixes.length === 0) {
    for (const name of readdirSync(OUT_DIR)) {
      if (name.endsWith('.json') && name !== INDEX_FILE && !planned.has(name)) {
        rmSync(join(OUT_DIR, name));
        console.log(`Removed ${name}: not in scripts/modelPlan.ts.`);
      }
    }
  }
  // The index lists every planned model whose file is present, as the files say.
  const files = MODEL_PLAN.filter((run) => readdirSync(OUT_DIR).includes(`${run.id}.json`)).map(
    (run) => parseModelFile(JSON.parse(readFileSync(join(OUT_DIR, `${run.id}.json`), 'utf8'))).file,
  );
  writeFileSync(
    join(OUT_DIR, INDEX_FILE),
    `[\n${files.map((f) => `  ${JSON.stringify(modelIndexEntry(f))}`).join(',\n')}\n]\n`,
  );

  console.log(`\n${resultsTable(files)}\n`);
  const bytes = files.reduce(
    (sum, f) => sum + readFileSync(join(OUT_DIR, `${f.id}.json`)).length,
    0,
  );
  console.log(
    `Wrote ${runs.length} model files and ${INDEX_FILE} to public/models ` +
      `(${files.length} models, ${(bytes / 1024).toFixed(0)} KiB in all) in ` +
      `${((performance.now() - started) / 1000).toFixed(0)} s.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
