import type { GruConvention } from '../engine';
import { linearSplit, dotRow, type StepContext } from './context';
import { atStep, lineBuilder, term, TEX, type LineBuilder } from './format';
import { gateNumeric, gateSymbolic, type GateForm } from './gate';
import type { MarkRole, Notation, NumericEquation, PreSplit, SymbolicEquation } from './types';

const R: GateForm = {
  name: 'r',
  symbol: 'r',
  plain: 'r',
  act: '\\sigma',
  sub: 'r',
  concatSub: 'r',
};
const Z: GateForm = {
  name: 'z',
  symbol: 'z',
  plain: 'z',
  act: '\\sigma',
  sub: 'z',
  concatSub: 'z',
};
/** The classic candidate h̃_t: r acts on h_{t−1} before W_hn, so it has a concat form. */
const CANDIDATE: GateForm = {
  name: 'n',
  symbol: '\\tilde{h}',
  plain: 'h̃',
  act: '\\tanh',
  sub: 'n',
  concatSub: '\\tilde{h}',
  concatPlain: 'h̃',
  resetInside: true,
};

/** Why the PyTorch candidate keeps two matrices in the course-notes notation too. */
const PYTORCH_CANDIDATE_NOTE =
  'Here r acts after the matrix, so n has no single-matrix form W·[h,\u00a0x]\u00a0+\u00a0b: its input and recurrent matrices stay apart in both notations.';

/**
 * GRU equations, symbolically, in the running convention (see NOTES.md):
 *   pytorch: n_t = tanh(W_in x_t + b_in + r_t ⊙ (W_hn h_{t−1} + b_hn)),
 *            h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t−1}
 *   classic: h̃_t = tanh(W_in x_t + b_in + W_hn (r_t ⊙ h_{t−1}) + b_hn),
 *            h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t
 */
export function gruSymbolic(
  convention: GruConvention,
  notation: Notation,
  mark: MarkRole,
): SymbolicEquation[] {
  const gates = [R, Z].map((g) => ({ name: g.name, latex: gateSymbolic(g, notation, mark) }));
  if (convention === 'classic') {
    return [
      ...gates,
      { name: 'n', latex: gateSymbolic(CANDIDATE, notation, mark) },
      { name: 'h', latex: 'h_t = (1 - z_t) \\odot h_{t-1} + z_t \\odot \\tilde{h}_t' },
    ];
  }
  const n =
    `n_t = \\tanh(${mark('input', 'W_{in}\\, x_t')} + ${mark('bias', 'b_{in}')} + ` +
    `r_t \\odot (${mark('recurrent', 'W_{hn}\\, h_{t-1}')} + ${mark('bias', 'b_{hn}')}))`;
  return [
    ...gates,
    notation === 'concat'
      ? { name: 'n', latex: n, note: PYTORCH_CANDIDATE_NOTE }
      : { name: 'n', latex: n },
    { name: 'h', latex: 'h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}' },
  ];
}

/** The pytorch candidate's split: the reset gate scales W_hn h_{t−1} + b_hn. */
function pytorchCandidateSplit(ctx: StepContext): PreSplit {
  const p = ctx.params;
  const row = 2 * ctx.H + ctx.j;
  const r = ctx.gate('r');
  const matVec = dotRow(p.W_hh, p.H, row, ctx.hPrev);
  const biasIh = p.b_ih[row]!;
  const biasHh = p.b_hh[row]!;
  return {
    input: dotRow(p.W_ih, p.inSize, row, ctx.x),
    recurrent: r * (matVec + biasHh),
    bias: biasIh,
    biasIh,
    biasHh,
    inner: { r, matVec, bias: biasHh },
    pre: ctx.pre('n'),
  };
}

/** n_t[j] = tanh(W_in x + b_in + r · (W_hn h + b_hn)) = tanh(pre) = n, numbers in that order. */
function pytorchCandidate(ctx: StepContext): NumericEquation {
  const { t, j } = ctx;
  const split = pytorchCandidateSplit(ctx);
  const inner = split.inner as NonNullable<PreSplit['inner']>;
  const row = `row ${j + 1}`;
  const value = ctx.gate('n');
  const line = lineBuilder()
    .tex(`${atStep('n', t, j)}\\tanh(`)
    .num(term(split.input, 'x', 'input', `W_in ${ctx.xLabel}, ${row}: input part of n_${t}`))
    .tex(TEX.plus)
    .num(term(split.biasIh, 'n', 'bias', `b_in[${j + 1}]: bias`), true)
    .tex(TEX.plus)
    .num(term(inner.r, 'r', 'operand', `r_${t}[${j + 1}]: reset gate`), true)
    .tex(`${TEX.times}(`)
    .num(
      term(inner.matVec, 'h', 'recurrent', `W_hn ${ctx.hLabel}, ${row}: recurrent part of n_${t}`),
    )
    .tex(TEX.plus)
    .num(term(inner.bias, 'n', 'bias', `b_hn[${j + 1}]: bias, scaled by r with W_hn h`), true)
    .tex('))')
    .equals('\\tanh(')
    .num(term(split.pre, 'n', 'pre', `pre-activation of n_${t}[${j + 1}]`))
    .tex(')')
    .equals()
    .num(term(value, 'n', 'result', `n_${t}[${j + 1}]`));
  return { name: 'n', value, split, ...line.done() };
}

/** GRU equations with the numbers of unit j at step t, in the model's convention. */
export function gruNumeric(
  ctx: StepContext,
  convention: GruConvention,
  notation: Notation,
): NumericEquation[] {
  const { t, j } = ctx;
  const r = gateNumeric(ctx, R, linearSplit(ctx, 0, 'r'), notation, ctx.gate('r'));
  const z = gateNumeric(ctx, Z, linearSplit(ctx, 1, 'z'), notation, ctx.gate('z'));
  let n: NumericEquation;
  if (convention === 'classic') {
    // The classic candidate reads the whole vector r_t ⊙ h_{t−1} through W_hn.
    const rRow = ctx.row('r');
    const rh = Array.from({ length: ctx.H }, (_, k) => rRow[k]! * ctx.hPrev[k]!);
    n = gateNumeric(ctx, CANDIDATE, linearSplit(ctx, 2, 'n', rh), notation, ctx.gate('n'));
  } else {
    n = pytorchCandidate(ctx);
  }
  const zValue = ctx.gate('z');
  const nValue = ctx.gate('n');
  const hPrevValue = ctx.hPrev[j]!;
  const hValue = ctx.gate('h');
  const zTerm = term(zValue, 'z', 'operand', `z_${t}[${j + 1}]: update gate`);
  const candidate = convention === 'classic' ? `h̃_${t}[${j + 1}]` : `n_${t}[${j + 1}]`;
  const nTerm = term(nValue, 'n', 'operand', `${candidate}: candidate`);
  const prevLabel =
    ctx.prev > 0 ? `h_${ctx.prev}[${j + 1}]` : `h_${ctx.zeroStep}[${j + 1}] ${ctx.zeroNote}`;
  const prevTerm = term(hPrevValue, 'h', 'operand', prevLabel);
  // pytorch: (1 − z) ⊙ n + z ⊙ h_{t−1}; classic: (1 − z) ⊙ h_{t−1} + z ⊙ h̃.
  const [first, second] = convention === 'classic' ? [prevTerm, nTerm] : [nTerm, prevTerm];
  const line: LineBuilder = lineBuilder()
    .tex(`${atStep('h', t, j)}(1${TEX.minus}`)
    .num(zTerm, true)
    .tex(`)${TEX.times}`)
    .num(first, true)
    .tex(TEX.plus)
    .num(zTerm, true)
    .tex(TEX.times)
    .num(second, true)
    .equals()
    .num(term(hValue, 'h', 'result', `h_${t}[${j + 1}]`));
  return [r, z, n, { name: 'h', value: hValue, ...line.done() }];
}
