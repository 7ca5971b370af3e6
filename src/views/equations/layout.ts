import type { Piece } from '../../equations';
import { isPlainDecimal } from './typeset';

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

/**
 * What a numeric line's elements depend on, as text: each piece's kind, a number's role,
 * quantity and whether it is a plain decimal, and where the line may wrap. Two lines of
 * the same structure (the same equation at two steps) differ only in what
 * NumericLine writes in place.
 */
export function lineStructure(pieces: readonly Piece[]): string {
  return pieces
    .map((piece) => {
      if (piece.kind === 'num') {
        const { role, quantity } = piece.term;
        return `n:${role}:${quantity}:${isPlainDecimal(piece.tex) ? 'p' : 'k'}`;
      }
      const breaks = BREAK_AFTER.some((op) => piece.tex.endsWith(op));
      return `t:${piece.opens === true ? 'o' : ''}${breaks ? 'b' : ''}`;
    })
    .join('|');
}
