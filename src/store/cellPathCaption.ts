import { formatNorm } from '../format/norm';
/**
 * The gradient plot's words for an LSTM, which has two ways back in time: through h (the
 * output gate and tanh(c) damp it at every step) and along the cell state c, where one
 * step back multiplies by the forget gate f alone. Saying only "vanishing" when Π f stays
 * near 1 would contradict the conveyor-belt picture of the lessons, so both are said.
 */
import { factorText, gradientCaption, SURVIVES } from './gradients';

/** Π f at or above this counts as carried almost undamped. */
const KEPT = 0.9;

/**
 * One paragraph for an LSTM: what happens through h (from `norms`, as
 * {@link gradientCaption} words it, its verdict kept only when the cell path fades too)
 * and along the cell state of unit `unit` (0-based) from `forgetProduct` (Π f over the
 * last d steps, d = 0..T, as `forgetProductOf` gives it).
 */
export function lstmGradientCaption(
  norms: readonly number[],
  forgetProduct: readonly number[],
  unit: number,
): string {
  const T = norms.length;
  const product = forgetProduct[T] ?? Number.NaN;
  const cellKeeps = product >= 1 / SURVIVES;
  const throughH = gradientCaption(norms, !cellKeeps);
  if (T < 2 || !Number.isFinite(product)) return throughH;
  const where = `Along the cell state c of unit ${unit + 1}, the product of the forget gates over all ${T} steps is Π f = ${formatNorm(product)}`;
  if (product >= KEPT) {
    return `Through h: ${lower(throughH)} ${where}: the cell state carries the gradient back almost undamped (the conveyor belt), so what step 1 wrote into c still reaches step ${T}.`;
  }
  if (cellKeeps) {
    return `Through h: ${lower(throughH)} ${where}: along the cell state it shrinks only by a factor of ${factorText(-Math.log10(product))}, so what step 1 wrote into c still reaches step ${T}.`;
  }
  const log = Math.log10(product);
  const shrink = product === 0 ? 'to exactly 0' : `by a factor of ${factorText(-log)}`;
  const fades = log <= -2 ? ': it vanishes along c as well' : '';
  return `Through h: ${lower(throughH)} ${where}: along c too the gradient shrinks ${shrink}${fades}.`;
}

function lower(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
