/**
 * The live equations of a cell: for a model, its trace, a layer, a step and a unit, each
 * equation of the running cell symbolically and with the real numbers in it, every
 * pre-activation split into input part, recurrent part and bias. Pure TypeScript: no
 * React, no DOM. The view (src/views/equations/) typesets the LaTeX with KaTeX.
 */
import type { FullModelSpec } from '../engine';
import { stepContext } from './context';
import { plainMark } from './format';
import { gruNumeric, gruSymbolic } from './gru';
import { lstmNumeric, lstmSymbolic, type LstmForm } from './lstm';
import { rnnNumeric, rnnSymbolic } from './rnn';
import type {
  Equation,
  EquationInput,
  MarkRole,
  Notation,
  NumericEquation,
  SymbolicEquation,
} from './types';

export type {
  Equation,
  EquationInput,
  MarkRole,
  Notation,
  NumericEquation,
  Piece,
  PreSplit,
  SymbolicEquation,
  Term,
  TermRole,
} from './types';
export { formatNumber, fullText } from './format';

/** The parts of a spec that change how the equations are written. */
export type EquationSpec = Pick<FullModelSpec, 'cell' | 'nonlinearity' | 'convention'> &
  Partial<Pick<FullModelSpec, 'recurrentActivation' | 'projSize'>>;

/** An LSTM's sigmoid and projection, with the defaults (σ, no projection) filled in. */
function lstmForm(spec: EquationSpec): LstmForm {
  return {
    recurrentActivation: spec.recurrentActivation ?? 'sigmoid',
    projSize: spec.projSize ?? 0,
  };
}

/**
 * The symbolic equations of a cell in a notation, in the order they are computed
 * (lstm i f g o c h, with a projection i f g o c m h; gru r z n h; rnn pre h). Depends only on the spec and notation, so
 * a view can typeset it once. `mark` wraps the input, recurrent and bias parts (colour).
 */
export function symbolicEquations(
  spec: EquationSpec,
  notation: Notation,
  mark: MarkRole = plainMark,
): SymbolicEquation[] {
  switch (spec.cell) {
    case 'lstm':
      return lstmSymbolic(notation, mark, lstmForm(spec));
    case 'gru':
      return gruSymbolic(spec.convention, notation, mark, spec.recurrentActivation ?? 'sigmoid');
    case 'rnn':
      return rnnSymbolic(spec.nonlinearity, notation, mark);
  }
}

/**
 * The same equations for unit j at step t of one layer, with the numbers in, in the
 * order of {@link symbolicEquations}. Throws a RangeError for a layer, step or unit
 * outside the model and trace.
 */
export function numericEquations(input: EquationInput): NumericEquation[] {
  const ctx = stepContext(input);
  const { spec } = input.model;
  switch (spec.cell) {
    case 'lstm':
      return lstmNumeric(ctx, input.notation, lstmForm(spec));
    case 'gru':
      return gruNumeric(ctx, spec.convention, input.notation, spec.recurrentActivation);
    case 'rnn':
      return rnnNumeric(ctx, spec.nonlinearity, input.notation);
  }
}

/** Symbolic and numeric together, one {@link Equation} per quantity. */
export function buildEquations(input: EquationInput, mark: MarkRole = plainMark): Equation[] {
  const symbolic = symbolicEquations(input.model.spec, input.notation, mark);
  return numericEquations(input).map((numeric, k) => {
    const sym = symbolic[k];
    if (!sym || sym.name !== numeric.name) {
      throw new Error(`Equations: symbolic and numeric forms disagree at ${numeric.name}.`);
    }
    return { ...numeric, symbolic: sym.latex, ...(sym.note ? { note: sym.note } : {}) };
  });
}
