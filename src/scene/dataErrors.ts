/**
 * The one error the data parsers throw: a message for people that names the row and
 * column, or the token and step, of what was refused.
 */
export class DataInputError extends Error {
  override name = 'DataInputError';
}

/** A cell or token as a message quotes it: 'abc', with newlines and tabs made visible. */
export function quote(text: string, max = 24): string {
  const shown = [...text].length > max ? `${[...text].slice(0, max).join('')}…` : text;
  return `'${shown.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t').replace(/'/g, "\\'")}'`;
}
