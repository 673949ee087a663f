/**
 * Prompt assembly: a question and its attachments become the one user message
 * a provider receives, and the profile's system prompt goes with it. Each
 * attachment travels as a fenced block whose info string carries its language,
 * path and line range (`typescript src/util.ts:10-24`), before the question —
 * so the question, usually the actual request, comes last and is never the
 * part a limit would cut. Nothing here cuts anything: budget.ts and
 * planRequest.ts decide what fits.
 */
import type { Attachment } from '../protocol/model';
import type { ProviderProfile } from '../providers/types';
import type { Budget } from './budget';
import { measure } from './budget';
import { fenceFor, lineRange } from './promptBuilder';

/** `src/util.ts:10-24`, or just the path for a whole file. */
export function attachmentLocation(attachment: Pick<Attachment, 'path' | 'startLine' | 'endLine'>): string {
  const { path, startLine, endLine } = attachment;
  return startLine !== undefined && endLine !== undefined ? `${path}:${lineRange(startLine, endLine)}` : path;
}

/** One attachment as a fenced block: ```` ```typescript src/util.ts:10-24 ````. */
export function attachmentBlock(attachment: Attachment): string {
  const fence = fenceFor(attachment.content);
  const body = attachment.content.endsWith('\n') ? attachment.content : `${attachment.content}\n`;
  // The info string is one line: a path with a newline or backtick (possible in an untitled name) must not break the fence.
  const info = `${attachment.language || 'text'} ${attachmentLocation(attachment)}`.replace(/[\r\n`]+/g, ' ');
  return `${fence}${info}\n${body}${fence}`;
}

/** The user message for a question: its attachments' blocks, then the question. */
export function userMessage(question: string, attachments: readonly Attachment[] = []): string {
  return [...attachments.map(attachmentBlock), question].join('\n\n');
}

/** The profile's system prompt, trimmed; undefined when it has none. */
export function systemPromptOf(profile: ProviderProfile): string | undefined {
  const text = profile.systemPrompt?.trim();
  return text ? text : undefined;
}

/**
 * What the new message uses of the budget. Emma receives `system + "\n\n" +
 * message` as one `message` (see providers/emma.ts), so that string is what
 * is counted; a token-counted API receives the system prompt as its own message.
 */
export function messageUsage(budget: Pick<Budget, 'unit'>, systemPrompt: string | undefined, message: string): number {
  if (budget.unit === 'characters') return measure(systemPrompt ? `${systemPrompt}\n\n${message}` : message, 'characters');
  return (systemPrompt ? measure(systemPrompt, 'tokens') : 0) + measure(message, 'tokens');
}
