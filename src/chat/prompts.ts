/**
 * Prompts as data: the built-in ones (one place) and the user's own from the
 * `parley.prompts` setting, validated entry by entry so one bad entry is
 * reported by name while the good ones keep working.
 */
import * as z from 'zod/mini';
// Schemas are z.lazy: each is built on its first parse, not while the bundle loads (that is activation time).
import '../profiles/zodMessages';

/** What a prompt needs from the editor before it can run. */
export type PromptContext = 'selection' | 'file' | 'none';

export interface PromptDefinition {
  id: string;
  title: string;
  template: string;
  context: PromptContext;
  builtin: boolean;
  /** Send the conversation's earlier turns with this prompt; by default a prompt runs on its own. */
  useHistory?: boolean;
}

export const PROMPT_VARIABLES = ['selection', 'language', 'fileName', 'input'] as const;
export type PromptVariable = (typeof PROMPT_VARIABLES)[number];

/** Built-in prompts. Ids are also the tail of their command ids (`parley.<id>`). */
export const BUILTIN_PROMPTS: readonly PromptDefinition[] = [
  {
    id: 'explainSelection',
    title: 'Explain Selection',
    template:
      'Explain what the following ${language} code from ${fileName} does, step by step. ' +
      'Point out anything surprising.\n\n${selection}',
    context: 'selection',
    builtin: true,
  },
  {
    id: 'findBugs',
    title: 'Find Bugs',
    template:
      'Review the following ${language} code from ${fileName} for bugs: logic errors, edge cases, ' +
      'error handling, concurrency and security problems. For each bug, say where it is, why it is wrong ' +
      'and how to fix it. If you find none, say so.\n\n${selection}',
    context: 'selection',
    builtin: true,
  },
  {
    id: 'refactor',
    title: 'Refactor',
    template:
      'Refactor the following ${language} code from ${fileName} to make it clearer and simpler ' +
      'without changing its behaviour. Reply with the new code in one fenced block, then list the changes briefly.\n\n${selection}',
    context: 'selection',
    builtin: true,
  },
  {
    id: 'writeTests',
    title: 'Write Tests',
    template:
      'Write unit tests for the following ${language} code from ${fileName}. Use the test framework ' +
      'the project most likely uses, cover normal cases and edge cases, and reply with the tests in one fenced block.\n\n${selection}',
    context: 'selection',
    builtin: true,
  },
  {
    id: 'addDocumentation',
    title: 'Add Documentation',
    template:
      'Add documentation comments to the following ${language} code from ${fileName}, in the style ' +
      'usual for ${language}. Reply with the documented code in one fenced block; do not change the code itself.\n\n${selection}',
    context: 'selection',
    builtin: true,
  },
  {
    id: 'askAboutSelection',
    title: 'Ask About Selection',
    template: '${input}\n\nThe question is about this ${language} code from ${fileName}:\n\n${selection}',
    context: 'selection',
    builtin: true,
  },
];

/** `${name}` references in a template, in order of appearance (duplicates kept). */
export function templateVariables(template: string): string[] {
  return [...template.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1] ?? '');
}

export function isKnownVariable(name: string): name is PromptVariable {
  return (PROMPT_VARIABLES as readonly string[]).includes(name);
}

/**
 * Fills a template in one pass (a value that itself contains `${...}` is not
 * expanded again). Variables without a value become empty.
 */
export function expandTemplate(template: string, values: Partial<Record<PromptVariable, string>>): string {
  return template.replace(/\$\{([^}]*)\}/g, (whole, name: string) =>
    isKnownVariable(name) ? (values[name] ?? '') : whole,
  );
}

const userPromptSchema = z.lazy(() =>
  z.object({
    id: z
      .string({ error: 'needs an "id" (a string)' })
      .check(z.regex(/^[A-Za-z0-9_.-]+$/, { error: 'the "id" may use only letters, digits, "_", "." and "-"' })),
    title: z.string({ error: 'needs a "title" (a string)' }).check(z.trim(), z.minLength(1, { error: 'needs a non-empty "title"' })),
    template: z
      .string({ error: 'needs a "template" (a string)' })
      .check(z.refine((t) => t.trim().length > 0, { error: 'needs a non-empty "template"' })),
    context: z.optional(z.enum(['selection', 'file', 'none'], { error: '"context" must be "selection", "file" or "none"' })),
    useHistory: z.optional(z.boolean({ error: '"useHistory" must be true or false' })),
  }),
);

export interface PromptProblem {
  /** e.g. `parley.prompts[2] (id "review")` */
  where: string;
  message: string;
}

export interface LoadedPrompts {
  prompts: PromptDefinition[];
  problems: PromptProblem[];
}

function entryName(index: number, raw: unknown): string {
  const id = raw && typeof raw === 'object' && 'id' in raw ? (raw as { id: unknown }).id : undefined;
  return typeof id === 'string' ? `parley.prompts[${index}] (id "${id}")` : `parley.prompts[${index}]`;
}

/**
 * Validates the user's `parley.prompts`. Returns the good entries after the
 * built-ins, and one problem per bad entry, naming it.
 */
export function loadPrompts(userSetting: unknown): LoadedPrompts {
  const prompts: PromptDefinition[] = [...BUILTIN_PROMPTS];
  const problems: PromptProblem[] = [];
  if (userSetting === undefined || userSetting === null) return { prompts, problems };
  if (!Array.isArray(userSetting)) {
    problems.push({ where: 'parley.prompts', message: 'must be a list of { id, title, template, context? } entries' });
    return { prompts, problems };
  }
  const seen = new Set(BUILTIN_PROMPTS.map((p) => p.id));
  userSetting.forEach((raw: unknown, index) => {
    const where = entryName(index, raw);
    const parsed = userPromptSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push({ where, message: parsed.error.issues.map((i) => i.message).join('; ') });
      return;
    }
    const { id, title, template } = parsed.data;
    const unknown = templateVariables(template).filter((name) => !isKnownVariable(name));
    if (unknown.length > 0) {
      const list = [...new Set(unknown)].map((n) => '${' + n + '}').join(', ');
      problems.push({
        where,
        message: `unknown variable ${list} (known: ${PROMPT_VARIABLES.map((v) => '${' + v + '}').join(', ')})`,
      });
      return;
    }
    if (seen.has(id)) {
      problems.push({ where, message: `the id "${id}" is already used by another prompt` });
      return;
    }
    seen.add(id);
    const usesSelection = templateVariables(template).includes('selection');
    const context = parsed.data.context ?? (usesSelection ? 'selection' : 'none');
    const useHistory = parsed.data.useHistory === true ? { useHistory: true } : {};
    prompts.push({ id, title: title.trim(), template, context, builtin: false, ...useHistory });
  });
  return { prompts, problems };
}

export function formatPromptProblem(problem: PromptProblem): string {
  return `${problem.where}: ${problem.message}`;
}
