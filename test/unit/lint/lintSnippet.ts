/**
 * Lints a snippet of code with the repository's own eslint.config.mjs, as if
 * it were a file of the given src/ layer. The type-aware rules only accept
 * files in the TypeScript projects, so the snippet takes the place of an
 * existing file of that layer (its text on disk is not read or changed).
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { ESLint, type Linter } from 'eslint';

const root = path.resolve(__dirname, '../../..');
let eslint: ESLint | undefined;

/** An existing .ts file of the layer (a directory under src/, or `extension` for src/extension.ts). */
export function fileOfLayer(layer: string): string {
  if (layer === 'extension') return path.join(root, 'src/extension.ts');
  const dir = path.join(root, 'src', layer);
  const name = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()[0];
  if (!name) throw new Error(`src/${layer} has no .ts file to stand in for the snippet`);
  return path.join(dir, name);
}

/** The messages of one rule for `code` linted as a file of `layer`. */
export async function lintAs(layer: string, code: string, ruleId: string): Promise<Linter.LintMessage[]> {
  // Under CI=true typescript-eslint infers a one-shot CLI run and lints the file as it is on
  // disk, not the snippet given in its place; a long-lived run (like an editor's) reads the snippet.
  eslint ??= new ESLint({
    cwd: root,
    overrideConfig: { languageOptions: { parserOptions: { disallowAutomaticSingleRunInference: true } } },
  });
  const [result] = await eslint.lintText(code, { filePath: fileOfLayer(layer) });
  if (!result) throw new Error('ESLint returned no result');
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`the snippet did not parse: ${fatal.map((m) => m.message).join('; ')}`);
  return result.messages.filter((m) => m.ruleId === ruleId);
}

/** Asserts helper: the message texts of one rule. */
export async function lintMessages(layer: string, code: string, ruleId: string): Promise<string[]> {
  return (await lintAs(layer, code, ruleId)).map((m) => m.message);
}
