/**
 * Builds the ChatRequest for one turn: the system prompt, the earlier turns
 * that fit and the new message (question + attachments), checked against the
 * profile's budget. A message over the budget is refused, never cut; earlier
 * turns are left out oldest first, and the notes say so.
 */
import type { Attachment, BudgetUnit, Turn } from '../protocol/model';
import type { ChatMessage, ChatRequest, ProviderProfile } from '../providers/types';
import { attachmentBlock, messageUsage, systemPromptOf, userMessage } from './assembleMessage';
import { budgetFor, measure, type Budget } from './budget';
import type { ChatTexts } from './chatTexts';

/** What the next message uses of the budget, and how much history goes with it. */
export interface RequestPlan {
  unit: BudgetUnit;
  used: number;
  limit: number;
  fits: boolean;
  historyTurns: number;
  historyLeftOut: number;
  /** The biggest attachment and what it uses (to say what to remove). */
  largest?: { name: string; used: number };
}

export type BuiltRequest =
  | { ok: true; request: ChatRequest; notes: string[]; plan: RequestPlan }
  | { ok: false; plan: RequestPlan };

/** Cuts to at most `limit` characters (code points, as the APIs count them), never inside a surrogate pair. */
export function cut(text: string, limit: number): { text: string; cut: boolean } {
  if (text.length <= limit) return { text, cut: false };
  const points = Array.from(text);
  if (points.length <= limit) return { text, cut: false };
  return { text: points.slice(0, limit).join(''), cut: true };
}

export function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).at(-1) ?? path;
}

interface Pair {
  user: string;
  assistant: string;
}

/** Only complete pairs are history: a question whose reply has no text is left out. */
function completePairs(earlier: readonly Turn[]): Pair[] {
  return earlier
    .filter((turn) => turn.reply !== undefined && turn.reply.text.length > 0)
    .map((turn) => ({ user: userMessage(turn.prompt, turn.attachments), assistant: turn.reply?.text ?? '' }));
}

/** The most recent pairs that fit: at most `maxHistoryTurns`, and (token windows) within what the message leaves. */
function keptHistory(pairs: Pair[], budget: Budget, used: number): Pair[] {
  if (!budget.historySharesLimit) return pairs.slice(Math.max(0, pairs.length - budget.maxHistoryTurns));
  let room = budget.limit - used;
  const kept: Pair[] = [];
  for (let i = pairs.length - 1; i >= 0 && kept.length < budget.maxHistoryTurns; i--) {
    const pair = pairs[i] as Pair;
    const cost = measure(pair.user, budget.unit) + measure(pair.assistant, budget.unit);
    if (cost > room) break;
    room -= cost;
    kept.unshift(pair);
  }
  return kept;
}

function largestAttachment(attachments: readonly Attachment[], unit: BudgetUnit): RequestPlan['largest'] {
  let largest: RequestPlan['largest'];
  for (const attachment of attachments) {
    const used = measure(attachmentBlock(attachment), unit);
    if (!largest || used > largest.used) largest = { name: fileName(attachment.path), used };
  }
  return largest;
}

/** Plans (and, when it fits, builds) the request for `question` after the turns `earlier` (oldest first). */
export function buildRequest(
  profile: ProviderProfile,
  earlier: readonly Turn[],
  question: string,
  attachments: readonly Attachment[],
  texts: ChatTexts,
): BuiltRequest {
  const budget = budgetFor(profile);
  const system = systemPromptOf(profile);
  const message = userMessage(question, attachments);
  const used = messageUsage(budget, system, message);
  const pairs = completePairs(earlier);
  const fits = used <= budget.limit;
  const kept = fits ? keptHistory(pairs, budget, used) : [];
  const largest = largestAttachment(attachments, budget.unit);
  const plan: RequestPlan = {
    unit: budget.unit,
    used,
    limit: budget.limit,
    fits,
    historyTurns: kept.length,
    historyLeftOut: pairs.length - kept.length,
    ...(largest ? { largest } : {}),
  };
  if (!fits) return { ok: false, plan };

  const notes: string[] = [];
  if (plan.historyLeftOut > 0) {
    notes.push(
      kept.length >= budget.maxHistoryTurns || !budget.historySharesLimit
        ? texts.olderTurnsLeftOut(plan.historyLeftOut, budget.maxHistoryTurns)
        : texts.olderTurnsLeftOutToFit(plan.historyLeftOut, budget.contextWindow ?? budget.limit),
    );
  }
  const messages: ChatMessage[] = system ? [{ role: 'system', content: system }] : [];
  let cutCount = 0;
  for (const pair of kept) {
    if (budget.historySharesLimit) {
      messages.push({ role: 'user', content: pair.user }, { role: 'assistant', content: pair.assistant });
      continue;
    }
    // Emma: each history message has the same per-message limit; an older, longer one is cut, with a note.
    const user = cut(pair.user, budget.limit);
    const assistant = cut(pair.assistant, budget.limit);
    cutCount += Number(user.cut) + Number(assistant.cut);
    messages.push({ role: 'user', content: user.text }, { role: 'assistant', content: assistant.text });
  }
  if (cutCount > 0) notes.push(texts.messagesCut(cutCount, budget.limit));
  messages.push({ role: 'user', content: message });
  return { ok: true, request: { messages }, notes, plan };
}
