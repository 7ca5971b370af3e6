import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** One import of one file: who imports, and the file or folder it names (repo paths). */
export interface ImportEdge {
  /** Importing file, relative to the source root, with '/' separators. */
  readonly from: string;
  /** The imported path, relative to the source root; a folder's import ends in `/index`. */
  readonly to: string;
}

/** Every .ts/.tsx file under `dir`, recursively. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * The relative imports of every source file under `root`: static imports, type imports,
 * `export … from` and dynamic `import('…')` (TypeScript's own pre-processor finds them).
 * Imports that leave `root` and package imports are left out.
 */
export function importEdges(root: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(root)) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = resolve(dirname(file), fileName);
      const isFolder = existsSync(target) && statSync(target).isDirectory();
      const to = relative(root, isFolder ? join(target, 'index') : target);
      if (to.startsWith('..')) continue;
      edges.push({ from: relative(root, file).split(sep).join('/'), to: to.split(sep).join('/') });
    }
  }
  return edges;
}

/** The top-level folder of a root-relative path; files directly in the root are `.`. */
export function folderOf(path: string): string {
  const slash = path.indexOf('/');
  return slash < 0 ? '.' : path.slice(0, slash);
}

/** Folder → the folders it imports, each with one file-level import as the example. */
export type FolderGraph = Map<string, Map<string, ImportEdge>>;

/** The folder-level graph of `edges` (imports inside one folder left out). */
export function folderGraph(edges: readonly ImportEdge[]): FolderGraph {
  const graph: FolderGraph = new Map();
  for (const edge of edges) {
    const [a, b] = [folderOf(edge.from), folderOf(edge.to)];
    if (a === b) continue;
    if (!graph.has(a)) graph.set(a, new Map());
    if (!graph.get(a)!.has(b)) graph.get(a)!.set(b, edge);
  }
  return graph;
}

/**
 * Every cycle of the graph that starts at its smallest folder name, as the list of folders
 * along it (first not repeated at the end): ['io', 'store'] means io → store → io.
 * Depth-first from each node; the graphs are a dozen folders, so the count stays small.
 */
export function folderCycles(graph: FolderGraph): string[][] {
  const cycles: string[][] = [];
  const visit = (start: string, path: string[]) => {
    const last = path[path.length - 1]!;
    for (const next of graph.get(last)?.keys() ?? []) {
      if (next === start) cycles.push([...path]);
      else if (next > start && !path.includes(next)) visit(start, [...path, next]);
    }
  };
  for (const start of [...graph.keys()].sort()) visit(start, [start]);
  return cycles;
}

/** A cycle in words, with the import that makes each step: "io → store (io/a.ts imports store/b)". */
export function describeCycle(graph: FolderGraph, cycle: readonly string[]): string {
  return cycle
    .map((folder, k) => {
      const next = cycle[(k + 1) % cycle.length]!;
      const edge = graph.get(folder)?.get(next);
      return `${folder} → ${next} (${edge?.from ?? '?'} imports ${edge?.to ?? '?'})`;
    })
    .join(', ');
}
