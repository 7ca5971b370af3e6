import type { GruConvention, LayerParams } from '../../engine';

/**
 * The recurrent part of the GRU candidate for unit j, the term the reset gate acts on:
 * `pytorch` returns W_hn h_{t−1} + b_hn (r multiplies it afterwards), `classic` returns
 * W_hn (r ⊙ h_{t−1}) + b_hn (r already applied). Row block n is rows 2H..3H−1 of W_hh.
 */
export function candidateRecurrent(
  params: LayerParams,
  r: ArrayLike<number>,
  prevH: ArrayLike<number>,
  j: number,
  convention: GruConvention,
): number {
  const { H, W_hh, b_hh } = params;
  const row = (2 * H + j) * H;
  let sum = b_hh[2 * H + j] ?? 0;
  for (let k = 0; k < H; k++) {
    const h = prevH[k] ?? 0;
    sum += (W_hh[row + k] ?? 0) * (convention === 'pytorch' ? h : (r[k] ?? 0) * h);
  }
  return sum;
}
