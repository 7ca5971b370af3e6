import type { Piece } from '../../equations';
import { isPlainDecimal } from './typeset';

/** A piece with its index in the line (a stable React key). */
export interface KeyedPiece {
  readonly piece: Piece;
  readonly key: number;
}

const BREAK_AFTER = ['{}+{}', '{}-{}', '{}\\cdot{}'];

/** Whether a line may wrap after this piece: a LaTeX piece ending in a binary operator. */
function breaksAfter(piece: Piece): boolean {
  return piece.kind === 'tex' && BREAK_AFTER.some((op) => piece.tex.endsWith(op));
}

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
    if (breaksAfter(item.piece)) atoms.push([]);
  }
  if (tail > 0) atoms.push(keyed.slice(tail));
  return atoms.filter((atom) => atom.length > 0);
}

/** Each line's structure, once per pieces array (a line is compared on every render). */
const structures = new WeakMap<readonly Piece[], string>();

/**
 * What a numeric line's elements depend on, as text: each piece's kind, a number's role,
 * quantity and whether it is a plain decimal, and where the line may wrap. Two lines of
 * the same structure (the same equation at two steps) differ only in what
 * NumericLine writes in place.
 */
export function lineStructure(pieces: readonly Piece[]): string {
  let structure = structures.get(pieces);
  if (structure === undefined) {
    structure = pieces
      .map((piece) => {
        if (piece.kind === 'num') {
          const { role, quantity } = piece.term;
          return `n:${role}:${quantity}:${isPlainDecimal(piece.tex) ? 'p' : 'k'}`;
        }
        return `t:${piece.opens === true ? 'o' : ''}${breaksAfter(piece) ? 'b' : ''}`;
      })
      .join('|');
    structures.set(pieces, structure);
  }
  return structure;
}
