/** Small helpers for the conversation model (the shapes live in src/protocol/model.ts). */
import type { Conversation, ProviderInfo, Turn } from '../protocol/model';
import type { ProviderProfile } from '../providers/types';
import { modelOf, modelsFor } from '../profiles/models';

export type { Conversation, Reply, Turn } from '../protocol/model';

export function emptyConversation(id: string, title: string, now: number): Conversation {
  return { id, title, createdAt: now, updatedAt: now, turns: [] };
}

/** A title from the first question: its first line, at most 80 characters. */
export function titleFrom(text: string): string {
  const line = text.trim().split(/\r?\n/, 1)[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

export function newTurn(id: string, prompt: string, now: number, displayText?: string, notes: string[] = []): Turn {
  const turn: Turn = { id, prompt, notes: [...notes], createdAt: now };
  if (displayText !== undefined && displayText !== prompt) turn.displayText = displayText;
  return turn;
}

/** The model a reply is labelled with (Emma: the model key the adapter sends, else its documented default). */
export { modelOf };

/** A profile as the view may see it: no options, nothing secret. */
export function toProviderInfo(profile: ProviderProfile, discovered?: readonly string[]): ProviderInfo {
  const info: ProviderInfo = { id: profile.id, label: profile.label ?? profile.id, kind: profile.kind };
  const model = modelOf(profile);
  if (model !== undefined) info.model = model;
  const models = modelsFor(profile, discovered);
  if (models.length > 0) info.models = models;
  return info;
}
