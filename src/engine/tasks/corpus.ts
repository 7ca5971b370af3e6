/**
 * The text the 'next-char' task trains on, shipped with the app so it works offline.
 *
 * Sources, all in the public domain everywhere (published long before 1929, authors dead
 * for over 120 years):
 * - Jane Taylor (1783–1824), "The Star", in Ann and Jane Taylor, *Rhymes for the Nursery*
 *   (London, 1806): the poem sung as "Twinkle, Twinkle, Little Star". Spelling and
 *   punctuation as in the common modern printing ("traveller" rather than "trav'ller").
 * - Lewis Carroll (1832–1898), *Alice's Adventures in Wonderland* (London, 1865): the
 *   Hatter's parody of it (chapter VII) and "How doth the little crocodile" (chapter II).
 *
 * A parody beside its original is a good lesson: after "twinkle, twinkle, little " a model
 * that only looks back a few characters cannot tell "star" from "bat".
 */

import { EngineInputError } from '../errors';

/** The corpus as written: capitals, line breaks, stanzas. `CORPUS` is what models see. */
export const CORPUS_SOURCE = `Twinkle, twinkle, little star,
How I wonder what you are!
Up above the world so high,
Like a diamond in the sky.

When the blazing sun is gone,
When he nothing shines upon,
Then you show your little light,
Twinkle, twinkle, all the night.

Then the traveller in the dark
Thanks you for your tiny spark;
He could not see which way to go,
If you did not twinkle so.

In the dark blue sky you keep,
And often through my curtains peep,
For you never shut your eye
Till the sun is in the sky.

As your bright and tiny spark
Lights the traveller in the dark,
Though I know not what you are,
Twinkle, twinkle, little star.

Twinkle, twinkle, little bat!
How I wonder what you're at!
Up above the world you fly,
Like a tea-tray in the sky.

How doth the little crocodile
Improve his shining tail,
And pour the waters of the Nile
On every golden scale!

How cheerfully he seems to grin,
How neatly spreads his claws,
And welcomes little fishes in
With gently smiling jaws!
`;

/**
 * Gatescope's text normalisation: lowercase, every run of whitespace (line and stanza
 * breaks included) becomes one space, no leading or trailing space. Run a user's text
 * through this before `encodeText`.
 */
export function normalizeText(text: string): string {
  if (typeof text !== 'string') {
    throw new EngineInputError(
      `normalizeText: expected a string, got ${text === null ? 'null' : typeof text}.`,
    );
  }
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The training text: `normalizeText(CORPUS_SOURCE)`. */
export const CORPUS: string = normalizeText(CORPUS_SOURCE);
