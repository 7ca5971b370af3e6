import type { Piece } from '../../equations';

/** A piece with its index in the line (a stable React key). */
export interface KeyedPiece {
  readonly piece: Piece;
  readonly key: number;
}

const BREAK_AFTER = ['{}+{}', '{}-{}', '{}\\cdot{}'];

/**
 * Where a numeric line may wrap, as TeX breaks inline math: in "lhs = act(parts)" only
 * after a binary operator, and then before the tail "= act(pre) = result", which stays
 * whole. So no bracket or "=" is ever left alone at the start of a line. Returns the
 * unbreakable atoms in order.
 */
export function wrapPieces(pieces: readonly Piece[]): KeyedPiece[][] {
  const keyed = pieces.map((piece, key) => ({ piece, key }));
  const tail = pieces.findIndex((p) => p.kind === 'tex' && p.opens === true);
  const head = tail > 0 ? keyed.slice(0, tail) : keyed;
  const atoms: KeyedPiece[][] = [[]];
  for (const item of head) {
    atoms[atoms.length - 1]!.push(item);
    const { piece } = item;
    if (piece.kind === 'tex' && BREAK_AFTER.some((op) => piece.tex.endsWith(op))) atoms.push([]);
  }
  if (tail > 0) atoms.push(keyed.slice(tail));
  return atoms.filter((atom) => atom.length > 0);
}
