import { describe, expect, it } from 'vitest';
import { compressText, crc32, decompressText, MAX_COMPRESSED_LENGTH } from '../../src/io/compress';
import { defaultSnapshot } from '../../src/io/sceneSchema';
import { decodeScene, encodeScene } from '../../src/io/sceneUrl';
import { LESSON_STOPS } from '../../src/lessons/navigate';
import { buildSequence } from '../../src/scene';

/** Decodes as the app does, with its lessons. */
const decode = (hash: string) => decodeScene(hash, LESSON_STOPS);

/** The keys of a hash, in order. */
const keys = (hash: string) => hash.split('&').map((pair) => pair.split('=')[0]);

/** A prose text long enough to be written compressed. */
const LONG = 'The forget gate decides what the cell state keeps from one step to the next. '
  .repeat(4)
  .trim();

describe('compressed text carries a check', () => {
  it('CRC-32 is the standard one (check value of "123456789" is CBF43926)', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(crc32('')).toBe(0);
    // UTF-8 bytes, not UTF-16 units: "é" is C3 A9.
    expect(crc32('é')).toBe(crc32('\u00e9'));
    expect(crc32('é')).not.toBe(crc32('\u00c3\u00a9'));
  });

  it('a long text is written as tz=<length>.<crc>.<data> and read back', () => {
    const hash = encodeScene({
      ...defaultSnapshot(),
      input: { ...defaultSnapshot().input, text: LONG },
    });
    const tz = hash
      .split('&')
      .find((p) => p.startsWith('tz='))!
      .slice(3);
    const [length, crc] = tz.split('.');
    expect(Number(length)).toBe(LONG.length);
    expect(parseInt(crc!, 36)).toBe(crc32(LONG));
    expect(decode(hash)).toMatchObject({ problems: [], changed: [] });
    expect(decode(hash).scene.input.text).toBe(LONG);
  });

  it('every single-character change to a tz value is refused, naming tz, or reads the same text', () => {
    const packed = compressText(LONG);
    const alphabet = 'A-_z09.Qq';
    let refused = 0;
    for (let at = 0; at < packed.length; at++) {
      for (const ch of alphabet) {
        if (packed[at] === ch) continue;
        const damaged = packed.slice(0, at) + ch + packed.slice(at + 1);
        const read = decompressText(damaged);
        if ('text' in read) {
          // Only the unused low bits of the last character can change without changing the text.
          expect(read.text).toBe(LONG);
          expect(at).toBe(packed.length - 1);
          continue;
        }
        refused++;
        const { scene, problems, changed } = decode(`v=1&tz=${damaged}`);
        expect(scene.input.text).toBe(defaultSnapshot().input.text);
        expect(changed).toEqual(['tz']);
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatch(/^Could not read the compressed input text \(tz\) /);
        expect(problems[0]).toMatch(/; used "hello world"\.$/);
      }
    }
    expect(refused).toBeGreaterThan(packed.length * (alphabet.length - 1) * 0.95);
  });

  it('a damaged text is caught by its check, not only by the decompressor', () => {
    // Same length and data, another text's checksum: the data decompresses fine.
    const packed = compressText(LONG);
    const forged = packed.replace(/^(\d+)\.[0-9a-z]+\./, `$1.${crc32(`${LONG}!`).toString(36)}.`);
    expect(decompressText(forged)).toEqual({
      problem: 'compressed text damaged: it does not match its check',
    });
    const longer = packed.replace(/^\d+/, String(LONG.length + 1));
    expect(decompressText(longer)).toHaveProperty('problem');
  });

  it('the longest texts fit under the cap, which leaves little more room; longer is refused', () => {
    // 2000 astral characters, their surrogate halves spread over all 1024 of each.
    const worst = Array.from({ length: 2000 }, (_, i) =>
      String.fromCodePoint(0x10000 + ((i * 1031) % 1024) * 1024 + ((i * 7919) % 1024)),
    ).join('');
    const packed = compressText(worst);
    expect(decompressText(packed)).toEqual({ text: worst });
    // Room for the longest text, and little more: what is refused unread cannot expand much.
    expect(packed.length).toBeLessThan(MAX_COMPRESSED_LENGTH);
    expect(MAX_COMPRESSED_LENGTH).toBeLessThan(2 * packed.length);
    expect(decompressText(`9.0.${'A'.repeat(MAX_COMPRESSED_LENGTH)}`)).toEqual({
      problem: 'compressed text cut short or damaged',
    });
  });

  it('a tz without a check (links made before it had one) is refused with a notice naming tz', () => {
    const old = compressText(LONG).split('.')[2]!; // the data alone, as old links carry it
    const { scene, problems, changed } = decode(`v=1&tz=${old}`);
    expect(scene.input.text).toBe(defaultSnapshot().input.text);
    expect(changed).toEqual(['tz']);
    expect(problems[0]).toMatch(/compressed input text \(tz\) .*without a check/);
  });
});

describe('every value is shown as read, or named with what was used', () => {
  it('in=task&task=remember-first&len=2000: the task takes at most 100 steps, and says so', () => {
    const { scene, problems, changed } = decode('v=1&in=task&task=remember-first&len=2000');
    expect(scene.input.length).toBe(100);
    expect(buildSequence(scene.input).xs).toHaveLength(100);
    expect(changed).toEqual(['len']);
    expect(problems).toEqual([
      'The sequence length 2000 is outside what the task remember-first takes (5 to 100 steps); used 100.',
    ]);
    expect(encodeScene(scene)).toBe('v=1&in=task&len=100');
  });

  it('task=parity&len=1: the task takes at least 2 steps, and says so', () => {
    const { scene, problems } = decode('v=1&in=task&task=parity&len=1');
    expect(scene.input.length).toBe(2);
    expect(buildSequence(scene.input).xs).toHaveLength(2);
    expect(problems).toEqual([
      'The sequence length 1 is outside what the task parity takes (2 to 100 steps); used 2.',
    ]);
  });

  it('a length outside the task’s range is kept, unreported, while the input is not the task', () => {
    const { scene, problems } = decode('v=1&in=noise&task=parity&len=1');
    expect(scene.input).toMatchObject({ kind: 'noise', length: 1 });
    expect(problems).toEqual([]);
  });

  it('lesson=conveyor-belt&stop=20: the lesson has 5 stops; stop 5 is opened and written', () => {
    const { scene, problems, changed } = decode('v=1&lesson=conveyor-belt&stop=20');
    expect(scene).toMatchObject({ lesson: 'conveyor-belt', stop: 4 });
    expect(changed).toEqual(['stop']);
    expect(problems).toEqual([
      'The lesson stop 20 is past the end of the lesson conveyor-belt (5 stops); used 5.',
    ]);
    expect(encodeScene(scene)).toContain('stop=5');
    expect(encodeScene(scene)).not.toContain('stop=20');
  });

  it('lesson=nonexistent is named, and no lesson opens', () => {
    const { scene, problems, changed } = decode('v=1&lesson=nonexistent&stop=2');
    expect(scene).toMatchObject({ lesson: '', stop: 0 });
    expect(changed).toEqual(['lesson', 'stop']);
    expect(problems).toEqual([
      "Could not open the lesson 'nonexistent' (Gatescope has no such lesson); opened none.",
      'Ignored the lesson stop 2: the link opens no lesson.',
    ]);
    expect(encodeScene(scene)).toBe('v=1');
  });

  it('text=abc beside a valid tz: tz is used and text named as ignored', () => {
    const tz = compressText(LONG);
    const { scene, problems, changed } = decode(`v=1&text=abc&tz=${tz}`);
    expect(scene.input.text).toBe(LONG);
    expect(changed).toEqual(['text']);
    expect(problems).toEqual([
      'Ignored the input text: the link also has it compressed (tz), which was used.',
    ]);
  });

  it('text=abc beside a damaged tz: the text is used, and the tz named', () => {
    const tz = compressText(LONG).replace(/\.(.)/, (_, c: string) => `.${c === 'a' ? 'b' : 'a'}`);
    const { scene, problems, changed } = decode(`v=1&text=abc&tz=${tz}`);
    expect(scene.input.text).toBe('abc');
    expect(changed).toEqual(['tz']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^Could not read the compressed input text \(tz\) .*; used "abc"\.$/,
    );
  });

  it('##v=1 (the address) is not read as v=1: its first key is #v', () => {
    const { scene, problems, changed } = decode('#v=1&A.cell=gru');
    expect(scene.panes[0]!.cell).toBe('gru');
    expect(changed).toEqual(['v', '#v']);
    expect(problems).toEqual([
      'The link has no version (v=1); read it as version 1.',
      "Ignored '#v': Gatescope has no such setting.",
    ]);
  });

  it('a unit or layer past every model is pulled back to the largest one, and named', () => {
    const { scene, problems, changed } = decode(
      'v=1&panes=AB&B.hidden=12&B.layers=2&unit=40&layer=3',
    );
    expect(scene).toMatchObject({ unit: 11, layer: 1 });
    expect(changed).toEqual(['layer', 'unit']);
    expect(problems).toEqual([
      'The layer 3 is past the deepest model (2 layers); used 2.',
      'The unit 40 is past the largest model (12 units); used 12.',
    ]);
    // Inside the largest model, a unit past a smaller one is kept: that pane shows its own last.
    expect(decode('v=1&panes=AB&B.hidden=12&unit=10')).toMatchObject({ problems: [] });
  });

  it('a stop without a lesson is named and dropped', () => {
    const { scene, problems } = decode('v=1&stop=3');
    expect(scene.stop).toBe(0);
    expect(problems).toEqual(['Ignored the lesson stop 3: the link opens no lesson.']);
  });

  it('keys appear in the rewritten address as the scene holds them', () => {
    const { scene } = decode('v=1&in=task&task=parity&len=500&t=400&lesson=stacked&stop=9');
    expect(keys(encodeScene(scene))).toEqual(['v', 'in', 'len', 'task', 't', 'lesson', 'stop']);
    expect(decode(encodeScene(scene))).toMatchObject({ scene, problems: [] });
  });
});
