import type { Model, Trace } from '../engine';

/**
 * How a pre-activation is written: `pytorch` is W_ih x_t + b_ih + W_hh h_{t−1} + b_hh
 * (two matrices, two biases); `concat` is the course notes' W·[h_{t−1}, x_t] + b, one
 * matrix W = [W_h | W_i] on the concatenation and one bias b = b_i + b_h. Same map.
 */
export type Notation = 'pytorch' | 'concat';

/**
 * What a printed number is, which picks its colour and hover text:
 * `input` the x_t part of a pre-activation (row j of a W_i block times x_t);
 * `recurrent` the h_{t−1} part (row j of a W_h block times h_{t−1}, or r ⊙ h_{t−1});
 * `bias` a bias entry (b_ih, b_hh or their sum);
 * `pre` a whole pre-activation (the argument of σ, tanh or relu);
 * `operand` a value another equation computed (f_t in c_t, c_{t−1}, h_{t−1});
 * `activation` an intermediate such as tanh(c_t);
 * `result` the value this equation defines, equal to the trace's value.
 */
export type TermRole = 'input' | 'recurrent' | 'bias' | 'pre' | 'operand' | 'activation' | 'result';

/** One printed number with everything a view needs to explain it. */
export interface Term {
  /** Full-precision value (what the title/tooltip shows). */
  readonly value: number;
  /** LaTeX of the printed number: 3 significant digits, minus sign, no parentheses. */
  readonly tex: string;
  /** The printed number read back (value rounded to 3 significant digits). */
  readonly shown: number;
  /**
   * The quantity of the cell this number belongs to, as hover targets name it:
   * a gate ('i' 'f' 'g' 'o' 'r' 'z' 'n'), 'c', 'h', 'pre' (RNN a_t) or 'x' (the input).
   */
  readonly quantity: string;
  /** What part of the equation the number is. */
  readonly role: TermRole;
  /** Plain-text (Unicode) description, e.g. "W_if x_4, row 3: input part of f". */
  readonly label: string;
}

/**
 * A piece of a numeric line: LaTeX to typeset as is, or a number (its own hover target).
 * A LaTeX piece with `opens` starts a new link of the chain "lhs = … = … = result" (it
 * begins with "="): a view that wraps long lines should wrap there first.
 */
export type Piece =
  | { readonly kind: 'tex'; readonly tex: string; readonly opens?: boolean }
  | {
      readonly kind: 'num';
      readonly term: Term;
      /** LaTeX of the number as placed, with parentheses when a negative needs them. */
      readonly tex: string;
    };

/**
 * How one pre-activation splits, independent of notation:
 * pre = input + recurrent + bias (to rounding), with the trace's pre as `pre`.
 * For the GRU `pytorch` candidate n, `recurrent` = r_t[j]·((W_hn h_{t−1})[j] + b_hn[j])
 * and `bias` = b_in[j] only; `inner` keeps the two factors apart.
 */
export interface PreSplit {
  /** Row j of the gate's W_ih block times x_t. */
  readonly input: number;
  /** The h_{t−1} part, as the cell defines it (see above). */
  readonly recurrent: number;
  /** Bias added outside any gate: b_ih[j] + b_hh[j] (GRU pytorch n: b_in[j]). */
  readonly bias: number;
  /** b_ih[j] of this gate. */
  readonly biasIh: number;
  /** b_hh[j] of this gate. */
  readonly biasHh: number;
  /**
   * The concat form's single product: row j of W = [W_h | W_i] times [h_{t−1}, x_t] (for
   * the GRU classic candidate, [r ⊙ h_{t−1}, x_t]). Undefined for the GRU pytorch n,
   * which has no concat form.
   */
  readonly product?: number;
  /** GRU pytorch n only: r_t[j], (W_hn h_{t−1})[j] and b_hn[j]. */
  readonly inner?: { readonly r: number; readonly matVec: number; readonly bias: number };
  /** The trace's pre-activation, pre[name][t−1][j]. */
  readonly pre: number;
}

/** One equation of a cell: its symbolic form and the same for unit j at step t. */
export interface Equation {
  /** Trace quantity it defines: 'i' 'f' 'g' 'o' 'c' 'h', 'r' 'z' 'n' 'h', or 'pre' 'h'. */
  readonly name: string;
  /** LaTeX of the symbolic equation, e.g. `f_t = \sigma(W_{if} x_t + …)`. */
  readonly symbolic: string;
  /** LaTeX of the same equation with the numbers in: the concatenation of `pieces`. */
  readonly numeric: string;
  /** The numeric line, piece by piece (numbers separate, for hover and highlight). */
  readonly pieces: readonly Piece[];
  /** Every number printed, in order. */
  readonly terms: readonly Term[];
  /** The trace's value of this quantity for unit j at step t. */
  readonly value: number;
  /** For gates and a_t: how the pre-activation splits. */
  readonly split?: PreSplit;
  /** A remark that belongs with this equation (plain text), e.g. why it has no concat form. */
  readonly note?: string;
}

/** The symbolic half of an {@link Equation}: depends only on the cell and the notation. */
export interface SymbolicEquation {
  /** Trace quantity it defines, as {@link Equation.name}. */
  readonly name: string;
  /** LaTeX of the symbolic equation. */
  readonly latex: string;
  /** A remark that belongs with this equation (plain text), or undefined. */
  readonly note?: string;
}

/** The numeric half of an {@link Equation}: changes with the step and the unit. */
export interface NumericEquation {
  /** Trace quantity it defines, as {@link Equation.name}. */
  readonly name: string;
  /** LaTeX of the line with the numbers in: the concatenation of `pieces`. */
  readonly numeric: string;
  /** The line piece by piece, each number its own piece. */
  readonly pieces: readonly Piece[];
  /** Every number printed, in order. */
  readonly terms: readonly Term[];
  /** The trace's value of this quantity for unit j at step t. */
  readonly value: number;
  /** For gates and a_t: how the pre-activation splits. */
  readonly split?: PreSplit;
}

/**
 * Wraps the LaTeX of a symbolic sub-expression by its role, e.g. to colour it with
 * `\textcolor`. The default returns `tex` unchanged.
 */
export type MarkRole = (role: 'input' | 'recurrent' | 'bias', tex: string) => string;

/** Which equations to build: a pane's model and trace at one step, layer and unit. */
export interface EquationInput {
  /** The model that ran: its spec picks the cell and convention, its layers the weights. */
  readonly model: Model;
  /** Its forward pass: `forward(model, xs)`, from h_0 = 0 (and c_0 = 0). */
  readonly trace: Trace;
  /** [T][I]: the inputs of layer 0 (layers above read the layer below's h_t). */
  readonly xs: readonly ArrayLike<number>[];
  /** Layer, 0-based. */
  readonly layer: number;
  /** Step, 1-based: step t reads x_t and h_{t−1}, writes h_t (trace row t − 1). */
  readonly t: number;
  /** Unit j, 0-based (printed 1-based, as the Unit control shows it). */
  readonly unit: number;
  /** How the pre-activations are written. */
  readonly notation: Notation;
}
