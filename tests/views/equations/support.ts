/**
 * Helpers of the equations-panel tests: the default pane's run recomputed straight from
 * the engine (not through the store), and readers of what the panel rendered.
 */
import { createModel, forward, initParams, type ModelSpec, type Trace } from '../../../src/engine';

/** One-hot rows of a text over its own sorted alphabet, as the app encodes text. */
export function oneHot(text: string): number[][] {
  const chars = Array.from(text);
  const alphabet = [...new Set(chars)].sort();
  return chars.map((ch) => alphabet.map((a) => (a === ch ? 1 : 0)));
}

/** The trace of a pane with the default settings (seed 0, PyTorch init) on `text`. */
export function independentTrace(
  text: string,
  cell: ModelSpec['cell'],
  options: Partial<Pick<ModelSpec, 'numLayers' | 'convention' | 'nonlinearity'>> = {},
): Trace {
  const xs = oneHot(text);
  const spec: ModelSpec = {
    cell,
    inputSize: xs[0]!.length,
    hiddenSize: 8,
    numLayers: options.numLayers ?? 1,
    convention: options.convention ?? 'pytorch',
    nonlinearity: options.nonlinearity ?? 'tanh',
  };
  const model = createModel(spec, initParams(spec, { seed: 0, scheme: 'pytorch', weightScale: 1 }));
  return forward(model, xs);
}

/** The trace value `gates[name][t−1][j]` of a layer. */
export function valueAt(trace: Trace, layer: number, name: string, t: number, j: number): number {
  const v = trace.layers[layer]?.gates[name]?.[t - 1]?.[j];
  if (v === undefined) throw new Error(`no ${name} at step ${t}, unit ${j}`);
  return v;
}

/** The row of one equation in the rendered panel. */
export function row(container: HTMLElement, name: string): HTMLElement {
  const found = container.querySelector<HTMLElement>(`[data-equation="${name}"]`);
  if (!found) throw new Error(`no equation row ${name}`);
  return found;
}

/** The numbers of a row with a given role. */
export function numbers(container: HTMLElement, name: string, role: string): HTMLElement[] {
  return [...row(container, name).querySelectorAll<HTMLElement>(`.eq-num[data-role="${role}"]`)];
}

/** The result number of a row (the value the equation defines). */
export function result(container: HTMLElement, name: string): HTMLElement {
  const [found] = numbers(container, name, 'result');
  if (!found) throw new Error(`no result in row ${name}`);
  return found;
}

/** The LaTeX source KaTeX keeps in its MathML annotation, for the symbolic line of a row. */
export function symbolicSource(container: HTMLElement, name: string): string {
  const annotation = row(container, name).querySelector('.eq-symbolic annotation');
  return annotation?.textContent ?? '';
}
