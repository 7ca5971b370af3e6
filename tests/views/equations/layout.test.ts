import { describe, expect, it } from 'vitest';
import { buildEquations } from '../../../src/equations';
import { wrapPieces } from '../../../src/views/equations/layout';
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
