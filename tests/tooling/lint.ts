import { ESLint } from 'eslint';

const eslint = new ESLint();

/** Rule ids ESLint reports for `code` as if it were the file at `filePath` (repo-relative). */
export async function ruleIdsFor(code: string, filePath: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId);
}

/** True when ESLint refuses `code` in `filePath` for an import (static, re-export or dynamic). */
export async function refusesImport(code: string, filePath: string): Promise<boolean> {
  const ids = await ruleIdsFor(code, filePath);
  return ids.includes('no-restricted-imports') || ids.includes('no-restricted-syntax');
}
