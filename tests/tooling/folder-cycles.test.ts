import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  describeCycle,
  folderCycles,
  folderGraph,
  folderOf,
  importEdges,
  type ImportEdge,
} from './importGraph';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

describe('no import cycles between the folders of src/', () => {
  it('finds none (each cycle is printed with the imports that make it)', () => {
    const graph = folderGraph(importEdges(SRC));
    const cycles = folderCycles(graph).map((cycle) => describeCycle(graph, cycle));
    expect(cycles).toEqual([]);
  });

  it('reads the app’s imports: the store reads the engine and the scene, the views the store', () => {
    const graph = folderGraph(importEdges(SRC));
    expect([...(graph.get('store')?.keys() ?? [])]).toEqual(
      expect.arrayContaining(['engine', 'scene', 'io']),
    );
    expect(graph.get('views')?.has('store')).toBe(true);
    expect(graph.get('engine')).toBeUndefined();
  });
});

describe('the cycle finder', () => {
  const edge = (from: string, to: string): ImportEdge => ({ from, to });

  it('names the folder of a path, and `.` for files at the root', () => {
    expect(folderOf('io/export/trace.ts')).toBe('io');
    expect(folderOf('App.tsx')).toBe('.');
  });

  it('reports a two-folder cycle once, with the imports that close it', () => {
    const graph = folderGraph([
      edge('io/sceneSchema.ts', 'store/index'),
      edge('store/scene.ts', 'io/sceneUrl'),
      edge('store/scene.ts', 'engine/index'),
      edge('io/codecs.ts', 'io/compress'),
    ]);
    const cycles = folderCycles(graph);
    expect(cycles).toEqual([['io', 'store']]);
    expect(describeCycle(graph, cycles[0]!)).toBe(
      'io → store (io/sceneSchema.ts imports store/index), store → io (store/scene.ts imports io/sceneUrl)',
    );
  });

  it('finds longer cycles and leaves a layered graph alone', () => {
    const ring = folderGraph([edge('a/x.ts', 'b/y'), edge('b/x.ts', 'c/y'), edge('c/x.ts', 'a/y')]);
    expect(folderCycles(ring)).toEqual([['a', 'b', 'c']]);
    const layered = folderGraph([
      edge('a/x.ts', 'b/y'),
      edge('b/x.ts', 'c/y'),
      edge('a/y.ts', 'c/y'),
    ]);
    expect(folderCycles(layered)).toEqual([]);
  });
});
