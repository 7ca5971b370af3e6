import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const FOLDERS = ['src/views/equations', 'src/equations'];

/** Ways to put an HTML string into the page; the equations use none of them. */
const HTML_SINKS =
  /\.(inner|outer)HTML\s*=|dangerouslySetInnerHTML|insertAdjacentHTML|renderToString\(|document\.write/;

it('the equations code never writes HTML strings into the DOM, and never trusts LaTeX', () => {
  for (const folder of FOLDERS) {
    for (const file of readdirSync(folder)) {
      const source = readFileSync(join(folder, file), 'utf8');
      expect(source, file).not.toMatch(HTML_SINKS);
      expect(source, file).not.toMatch(/trust:\s*true/);
    }
  }
});
