import { describe, expect, it } from 'vitest';
import { buildEquations } from '../../../src/equations';
import { lineStructure, wrapPieces } from '../../../src/views/equations/layout';
import { setup, VARIANTS } from '../../equations/support';

describe('wrapPieces', () => {
  it.each(VARIANTS)(
    '$name: keeps every piece in order and breaks only after operators',
    (variant) => {
      const s = setup(variant, 1);
      for (const notation of ['pytorch', 'concat'] as const) {
        for (const eq of buildEquations({ ...s, layer: 0, t: 3, unit: 1, notation })) {
          const atoms = wrapPieces(eq.pieces);
          expect(atoms.flat().map((p) => p.key)).toEqual(eq.pieces.map((_, k) => k));
          // The tail "= act(pre) = result" is one atom, the last.
          const tail = atoms[atoms.length - 1]!;
          expect(tail[0]!.piece.kind === 'tex' && tail[0]!.piece.opens).toBe(true);
          expect(tail[tail.length - 1]!.piece.kind).toBe('num');
          // Every other atom ends with a binary operator or is the end of the head.
          atoms.slice(0, -2).forEach((atom) => {
            const last = atom[atom.length - 1]!.piece;
            expect(last.kind === 'tex' && /(\+|-|\\cdot)\{\}$/.test(last.tex)).toBe(true);
          });
        }
      }
    },
  );
});

describe('lineStructure', () => {
  it.each(VARIANTS)(
    '$name: the same equation at two steps has one structure, which fixes where it wraps',
    (variant) => {
      const s = setup(variant, 1);
      const at = (t: number, unit: number) =>
        buildEquations({ ...s, layer: 0, t, unit, notation: 'pytorch' });
      const [a, b] = [at(2, 1), at(5, 0)];
      let sameLines = 0;
      a.forEach((eq, k) => {
        const other = b[k]!;
        const same = lineStructure(eq.pieces) === lineStructure(other.pieces);
        // Same structure exactly when the wrapping and each piece's role agree.
        const shape = (pieces: typeof eq.pieces) =>
          JSON.stringify([
            wrapPieces(pieces).map((atom) => atom.length),
            pieces.map((p) => (p.kind === 'num' ? [p.term.role, p.term.quantity] : 'tex')),
          ]);
        if (same) expect(shape(eq.pieces)).toBe(shape(other.pieces));
        if (same) sameLines++;
      });
      // Most lines keep their structure from step to step (a sign may add parentheses).
      expect(sameLines).toBeGreaterThan(0);
      // A number's role or plainness, or a piece's kind, tells structures apart.
      const eq = a[0]!;
      const k = eq.pieces.findIndex((p) => p.kind === 'num');
      const piece = eq.pieces[k]!;
      if (piece.kind !== 'num') throw new Error('no number');
      const swapped = (q: (typeof eq.pieces)[number]) =>
        lineStructure(eq.pieces.map((p, i) => (i === k ? q : p)));
      expect(swapped({ ...piece, term: { ...piece.term, role: 'bias' } })).not.toBe(
        lineStructure(eq.pieces),
      );
      expect(swapped({ ...piece, tex: '1.2 \\times 10^{-5}' })).not.toBe(lineStructure(eq.pieces));
      expect(swapped({ kind: 'tex', tex: piece.tex })).not.toBe(lineStructure(eq.pieces));
    },
  );
});
