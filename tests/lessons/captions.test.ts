import { describe, expect, it } from 'vitest';
import { createModel, forward, initParams, jacobianNorms } from '../../src/engine';
import {
  ABSENT,
  fillCaption,
  PENDING,
  unknownPlaceholders,
  type CaptionScene,
} from '../../src/lessons/captions';
import { createSceneStore, setJsonFetcher } from '../../src/store';
import { formatNorm } from '../../src/format/norm';

/** The default scene's LSTM (seed 0, H = 8) on "hello world", at step 4 and unit 3. */
function scene(): CaptionScene {
  const store = createSceneStore();
  store.getState().setStep(4);
  store.getState().setUnit(2);
  return store.getState();
}

/** The same model and trace, built without the store. */
function reference() {
  const spec = { cell: 'lstm' as const, inputSize: 8, hiddenSize: 8, numLayers: 1 };
  const model = createModel(spec, initParams(spec, { seed: 0 }));
  const alphabet = [...new Set('hello world')].sort();
  const xs = Array.from('hello world', (ch) => alphabet.map((a) => (a === ch ? 1 : 0)));
  return { model, trace: forward(model, xs) };
}

describe('fillCaption', () => {
  it('quotes the scene’s live numbers: a gate at the current step and unit, t, T and the unit', () => {
    const { trace } = reference();
    const f = trace.layers[0]!.gates.f![3]![2]!;
    const c = trace.layers[0]!.gates.c![3]![2]!;
    const text = fillCaption(
      'At step {t} of {T}, unit {unit}: f = {A.f}, c = {A.c}, x = {A.x}.',
      scene(),
    );
    expect(text).toBe(
      `At step 4 of 11, unit 3: f = ${f.toPrecision(3)}, c = ${c.toPrecision(3).replace('-', '−')}, x = l.`,
    );
  });

  it('quotes ‖∂h_T/∂h_1‖ (h_1 the state after step 1) and the parameter count', () => {
    const { model, trace } = reference();
    // Entry t of the engine's norms differentiates by the state entering step t (0-based):
    // h_1, the state after the first step, is entry 1 (entry 0 is the initial state h_0).
    const norm = jacobianNorms(model, trace)[1]!;
    const text = fillCaption('{A.grad} · {A.params}', scene());
    const [grad, params] = text.split(' · ');
    expect(grad).toBe(formatNorm(norm)); // the plot's format, of the engine's own norm
    // 4 blocks of (8 inputs + 8 recurrent + 2 biases) per unit, 8 units.
    expect(params).toBe(String(4 * 8 * (8 + 8 + 2)));
  });

  it('writes — for a quantity the scene lacks, and leaves a name it does not know as written', () => {
    // i is an LSTM gate: a GRU has none, as when a user switches the cell under a caption.
    const store = createSceneStore();
    store.getState().updatePane('A', { cell: 'gru' });
    expect(fillCaption('{B.f} {A.i}', store.getState())).toBe(`${ABSENT} ${ABSENT}`);
    // A teacher's typo is shown as typed, so the lesson's notice can point at it.
    expect(fillCaption('{A.nothing} {when} {A.T}', store.getState())).toBe(
      '{A.nothing} {when} {A.T}',
    );
  });

  it('lists the placeholders it does not know, each once', () => {
    expect(unknownPlaceholders('{A.f} {A.speed} {t} {when} {A.speed} {B.readout}')).toEqual([
      '{A.speed}',
      '{when}',
    ]);
  });

  it('writes … for the numbers of a trained model still loading', () => {
    setJsonFetcher(() => new Promise(() => {})); // never answers
    const store = createSceneStore();
    store.getState().setTrained('A', {
      id: 'remember-first-50-lstm',
      cell: 'lstm',
      hiddenSize: 8,
      numLayers: 1,
      task: 'remember-first',
      length: 50,
    });
    expect(fillCaption('f = {A.f}; {A.readout}', store.getState())).toBe(
      `f = ${PENDING}; ${PENDING}`,
    );
  });
});
