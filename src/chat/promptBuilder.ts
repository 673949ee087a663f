/**
 * Turns a prompt definition plus the editor's code into the text sent to the
 * provider: the code travels as a fenced block tagged with its language id,
 * its workspace-relative file name and line range; code too long for the
 * provider's message limit is cut (at a line end when possible) and the cut
 * is reported as a note — never silently.
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
  | { kind: 'cut'; sentChars: number; totalChars: number; sentEndLine: number }
  | { kind: 'noSelection'; origin: 'enclosingBlock' | 'currentLine' | 'file'; blockName?: string; startLine: number; endLine: number };

export type BuildResult =
  | { ok: true; prompt: string; location?: string; notes: BuildNote[] }
  | { ok: false; reason: 'tooLong'; limit: number; needed: number }
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

function cutMarker(sent: number, total: number): string {
  return `\n(The code above was cut to its first ${sent} of ${total} characters to fit the provider's limit.)`;
}

/** Index at which to cut `text` so that at most `budget` characters remain, preferring a line end. */
export function cutPoint(text: string, budget: number): number {
  if (text.length <= budget) return text.length;
  let cut = Math.max(0, budget);
  const lastNewline = text.lastIndexOf('\n', cut - 1);
  if (lastNewline >= cut / 2) cut = lastNewline + 1;
  // Never split a surrogate pair.
  const code = text.charCodeAt(cut - 1);
  if (cut > 0 && code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return cut;
}

/** Smallest room left for code before we give up instead of sending a useless sliver. */
const MIN_CODE_BUDGET = 200;

export interface BuildInput {
  code?: CodeContext;
  input?: string;
  /** Largest message the provider accepts, in characters. */
  limit: number;
}

export function buildPrompt(definition: Pick<PromptDefinition, 'template' | 'context'>, input: BuildInput): BuildResult {
  const { code, limit } = input;
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
  const withLocation = (prompt: string): BuildResult => ({ ok: true, prompt, notes, ...(location ? { location } : {}) });
  if (full.length <= limit) return withLocation(full);

  const usesCode = code !== undefined && definition.template.includes('${selection}');
  if (!usesCode) return { ok: false, reason: 'tooLong', limit, needed: full.length };

  const total = code.text.length;
  const extraFence = 2 * (fenceFor(code.text).length - 3);
  const overhead =
    expandTemplate(definition.template, values(fenceCode(code, '') + cutMarker(total, total))).length + extraFence;
  const budget = limit - overhead;
  if (budget < MIN_CODE_BUDGET) return { ok: false, reason: 'tooLong', limit, needed: overhead + MIN_CODE_BUDGET };
  const cut = cutPoint(code.text, budget);
  const sentText = code.text.slice(0, cut);
  const sentLines = sentText.replace(/\n$/, '').split('\n').length;
  const sentEndLine = Math.min(code.endLine, code.startLine + sentLines - 1);
  const prompt = expandTemplate(definition.template, values(fenceCode(code, sentText, sentEndLine) + cutMarker(cut, total)));
  if (prompt.length > limit) return { ok: false, reason: 'tooLong', limit, needed: prompt.length };
  notes.push({ kind: 'cut', sentChars: cut, totalChars: total, sentEndLine });
  return withLocation(prompt);
}
