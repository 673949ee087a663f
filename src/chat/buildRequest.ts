/**
 * Builds the ChatRequest for one turn from the conversation before it,
 * trimmed to the provider's limits, plus the notes that tell the user what was
 * left out or cut (never silently).
 */
import type { Turn } from '../protocol/model';
import type { ChatMessage, ChatRequest } from '../providers/types';
import type { ChatTexts } from './chatTexts';
import type { HistoryLimits } from './providerLimits';

export interface BuiltRequest {
  request: ChatRequest;
  notes: string[];
}

/** Cuts to at most `limit` characters (code points, as the APIs count them), never inside a surrogate pair. */
export function cut(text: string, limit: number): { text: string; cut: boolean } {
  if (text.length <= limit) return { text, cut: false };
  const points = Array.from(text);
  if (points.length <= limit) return { text, cut: false };
  return { text: points.slice(0, limit).join(''), cut: true };
}

/** `earlier` are the turns before the one being sent, oldest first. */
export function buildRequest(earlier: Turn[], prompt: string, limits: HistoryLimits, texts: ChatTexts): BuiltRequest {
  // Only complete pairs are history: a question whose reply has no text is left out.
  const pairs = earlier.filter((turn) => turn.reply !== undefined && turn.reply.text.length > 0);
  const kept = pairs.slice(Math.max(0, pairs.length - limits.maxTurns));
  const notes: string[] = [];
  const leftOut = pairs.length - kept.length;
  if (leftOut > 0) notes.push(texts.olderTurnsLeftOut(leftOut, limits.maxTurns));

  const messages: ChatMessage[] = [];
  let cutCount = 0;
  for (const turn of kept) {
    const user = cut(turn.prompt, limits.maxCharsPerMessage);
    const assistant = cut(turn.reply?.text ?? '', limits.maxCharsPerMessage);
    cutCount += Number(user.cut) + Number(assistant.cut);
    messages.push({ role: 'user', content: user.text }, { role: 'assistant', content: assistant.text });
  }
  if (cutCount > 0) notes.push(texts.messagesCut(cutCount, limits.maxCharsPerMessage));

  const question = cut(prompt, limits.maxCharsPerMessage);
  if (question.cut) notes.push(texts.promptCut(limits.maxCharsPerMessage));
  messages.push({ role: 'user', content: question.text });
  return { request: { messages }, notes };
}
