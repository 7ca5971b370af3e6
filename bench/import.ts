/**
 * Model-file import speed and memory: `importModels` (the readers the app's worker runs) on
 * the largest real file of each format in ../shared/real-models (read in place, never
 * copied), median of three parses after one warm-up, with the memory the result holds
 * against the file's size. Targets (issue #14): a 10 MB .pt or .h5 in under 1 s, in under
 * 3× the file size; the table projects each file's rate to 10 MB.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { importModels } from '../src/io/import';

const REAL = resolve('../shared/real-models/files');

/** The files measured: the largest of each format in the collection. */
const FILES: readonly { format: string; paths: readonly string[] }[] = [
  { format: 'PyTorch .pt (zip)', paths: ['pt_ckpt_lstm2.pt'] },
  { format: 'PyTorch .pt (whole module)', paths: ['ptm_emb_bilstm_pos.pt'] },
  { format: 'Keras 2 .h5', paths: ['k2h5_bilstm2.h5'] },
  { format: 'Keras 3 .keras', paths: ['k3keras_gru3_attn.keras'] },
  { format: 'ONNX', paths: ['onnx_lstm2.onnx'] },
  {
    format: 'TF.js model.json + shards',
    paths: ['model.json', 'group1-shard1of1', 'group2-shard1of1'].map(
      (f) => `tfjs_lstm_hardsig/${f}`,
    ),
  },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Bytes the JS heap and array buffers hold now (after a collection when `--expose-gc`). */
function heldBytes(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Prints the import table (skipped, with a line saying so, where the real files are absent). */
export async function reportImportBench(): Promise<void> {
  console.log('\n## Model-file import (importModels in Node; median of 3 after a warm-up)\n');
  if (!existsSync(REAL)) {
    console.log(`Skipped: ${REAL} is not here (the shared real-model collection).`);
    return;
  }
  console.log(
    '| format | file | MB | parse ms | MB/s | projected ms for 10 MB | result held / file size |',
  );
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const { format, paths } of FILES) {
    const files = paths.map((p) => ({
      name: basename(p),
      bytes: new Uint8Array(readFileSync(`${REAL}/${p}`)),
    }));
    const size = files.reduce((n, f) => n + f.bytes.length, 0);
    await importModels(files); // warm-up: loads the reader and its library
    const times: number[] = [];
    let held = 0;
    for (let k = 0; k < 3; k++) {
      const before = heldBytes();
      const start = performance.now();
      const models = await importModels(files);
      times.push(performance.now() - start);
      held = Math.max(held, heldBytes() - before);
      if (models.length === 0) throw new Error(`${paths[0]}: no model`);
    }
    const ms = median(times);
    const mb = size / 1e6;
    console.log(
      `| ${format} | ${paths[0]} | ${mb.toFixed(2)} | ${ms.toFixed(0)} | ${(mb / (ms / 1000)).toFixed(1)} | ${((10 / mb) * ms).toFixed(0)} | ${(held / size).toFixed(1)}× |`,
    );
  }
  console.log(
    '\n"Result held" is the heap and buffers the converted models keep (float64 parameters as plain arrays: 2× a float32 file at least), measured with `--expose-gc` where given; the peak during a parse is higher by the file itself.',
  );
}
