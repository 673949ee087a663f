/**
 * Turns a prompt definition plus the editor's code into the text sent to the
 * provider: the code travels as a fenced block tagged with its language id,
 * its workspace-relative file name and line range. Code too long for the
 * profile's budget is never cut silently: the result names the first lines
 * that fit, and the command asks the user before sending only those.
 */
import { expandTemplate, type PromptDefinition, type PromptVariable } from './prompts';

export interface CodeContext {
  text: string;
  languageId: string;
  /** Workspace-relative path, `/`-separated (or the untitled name). */
  fileName: string;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  /** Where the code came from: the user's selection, the block around the cursor, or the whole file. */
  origin: 'selection' | 'enclosingBlock' | 'currentLine' | 'file';
  /** Name of the enclosing symbol when one was used. */
  blockName?: string;
}

export type BuildNote =
  { kind: 'noSelection'; origin: 'enclosingBlock' | 'currentLine' | 'file'; blockName?: string; startLine: number; endLine: number };

export type BuildResult =
  | { ok: true; prompt: string; location?: string; notes: BuildNote[] }
  /** `part`: the first lines of the code that fit, for the user to accept or not. */
  | { ok: false; reason: 'tooLong'; limit: number; needed: number; part?: PartThatFits }
  | { ok: false; reason: 'needsCode' };

/** The smallest backtick fence (≥ 3) that no run of backticks in the code can close. */
export function fenceFor(code: string): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

export function lineRange(startLine: number, endLine: number): string {
  return startLine === endLine ? `${startLine}` : `${startLine}-${endLine}`;
}

/** `src/util.ts:10-24` */
export function describeLocation(code: Pick<CodeContext, 'fileName' | 'startLine' | 'endLine'>): string {
  return `${code.fileName}:${lineRange(code.startLine, code.endLine)}`;
}

/** A fenced block whose info string carries the language id, the file name and the lines. */
export function fenceCode(code: CodeContext, text = code.text, endLine = code.endLine): string {
  const fence = fenceFor(text);
  const body = text.endsWith('\n') ? text : text + '\n';
  const info = `${code.languageId || 'text'} ${describeLocation({ ...code, endLine })}`;
  return `${fence}${info}\n${body}${fence}`;
}

function partMarker(startLine: number, sentEndLine: number, endLine: number): string {
  return `\n(Only lines ${startLine}-${sentEndLine} of the selection, which ends at line ${endLine}, are included: the rest did not fit the provider's limit.)`;
}

export interface BuildInput {
  code?: CodeContext;
  input?: string;
  /** Largest message the provider accepts, in the unit `measure` counts. */
  limit: number;
  /** Size of a message as the budget counts it (system prompt included); default: characters (code points). */
  measure?: (prompt: string) => number;
}

/** The first lines of a selection that fit: offered to the user, never sent without asking. */
export interface PartThatFits {
  prompt: string;
  location: string;
  sentEndLine: number;
}

const codePoints = (text: string) => [...text].length;

/** The largest whole-line prefix of the code whose prompt fits (binary search: the size grows with the lines). */
function partThatFits(render: (lines: number) => string, totalLines: number, fits: (prompt: string) => boolean): number {
  let low = 0;
  let high = totalLines - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(render(mid))) low = mid;
    else high = mid - 1;
  }
  return low > 0 && fits(render(low)) ? low : 0;
}

export function buildPrompt(definition: Pick<PromptDefinition, 'template' | 'context'>, input: BuildInput): BuildResult {
  const { code, limit } = input;
  const measure = input.measure ?? codePoints;
  if (definition.context !== 'none' && !code) return { ok: false, reason: 'needsCode' };
  const notes: BuildNote[] = [];
  if (code && code.origin !== 'selection') {
    notes.push({
      kind: 'noSelection',
      origin: code.origin,
      startLine: code.startLine,
      endLine: code.endLine,
      ...(code.blockName ? { blockName: code.blockName } : {}),
    });
  }
  const values = (selection: string): Partial<Record<PromptVariable, string>> => ({
    selection,
    language: code?.languageId ?? '',
    fileName: code?.fileName ?? '',
    input: input.input ?? '',
  });
  const full = expandTemplate(definition.template, values(code ? fenceCode(code) : ''));
  const location = code ? describeLocation(code) : undefined;
  const needed = measure(full);
  if (needed <= limit) return { ok: true, prompt: full, notes, ...(location ? { location } : {}) };

  const usesCode = code !== undefined && definition.template.includes('${selection}');
  if (!usesCode) return { ok: false, reason: 'tooLong', limit, needed };
  const lines = code.text.replace(/\n$/, '').split('\n');
  const render = (count: number) => {
    const sentEndLine = code.startLine + count - 1;
    const text = lines.slice(0, count).join('\n');
    return expandTemplate(definition.template, values(fenceCode(code, text, sentEndLine) + partMarker(code.startLine, sentEndLine, code.endLine)));
  };
  const count = lines.length > 1 ? partThatFits(render, lines.length, (prompt) => measure(prompt) <= limit) : 0;
  if (count === 0) return { ok: false, reason: 'tooLong', limit, needed };
  const sentEndLine = code.startLine + count - 1;
  return {
    ok: false,
    reason: 'tooLong',
    limit,
    needed,
    part: { prompt: render(count), location: describeLocation({ ...code, endLine: sentEndLine }), sentEndLine },
  };
}
