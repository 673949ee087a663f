/**
 * What waits in the composer before it is sent: the attached code (the host
 * keeps the content; the view gets chips), the draft text the meter is
 * computed for, and the active editor offered as a suggestion.
 */
import type { Attachment, AttachmentChip, ComposerState, Turn } from '../protocol/model';
import { ATTACHMENTS_MAX } from '../protocol/model';
import type { ProviderProfile } from '../providers/types';
import { buildRequest, fileName } from './buildRequest';
import type { ChatTexts } from './chatTexts';

export interface Suggestion {
  name: string;
  path: string;
}

const sameCode = (a: Attachment, b: Attachment) =>
  a.path === b.path && a.startLine === b.startLine && a.endLine === b.endLine && a.content === b.content;

export function toChip(attachment: Attachment): AttachmentChip {
  return {
    id: attachment.id,
    name: fileName(attachment.path),
    path: attachment.path,
    ...(attachment.startLine !== undefined ? { startLine: attachment.startLine } : {}),
    ...(attachment.endLine !== undefined ? { endLine: attachment.endLine } : {}),
    bytes: new TextEncoder().encode(attachment.content).length,
  };
}

export class ComposerDraft {
  private attachments: Attachment[] = [];
  private text = '';
  private revision = 0;
  private suggestion: Suggestion | undefined;

  /** Adds attachments not already there (same path, lines and content); returns how many were added. */
  add(list: readonly Attachment[]): number {
    let added = 0;
    for (const attachment of list) {
      if (this.attachments.length >= ATTACHMENTS_MAX) break;
      if (this.attachments.some((a) => sameCode(a, attachment))) continue;
      this.attachments.push(attachment);
      added++;
    }
    return added;
  }

  remove(id: string): boolean {
    const before = this.attachments.length;
    this.attachments = this.attachments.filter((a) => a.id !== id);
    return this.attachments.length !== before;
  }

  /** Takes the attachments with these ids (all when `ids` is undefined) out of the draft, in their order. */
  take(ids?: readonly string[]): Attachment[] {
    const taken = ids === undefined ? this.attachments : this.attachments.filter((a) => ids.includes(a.id));
    this.attachments = this.attachments.filter((a) => !taken.includes(a));
    return taken;
  }

  /** Drops every attachment (a new or another conversation starts). */
  clear(): void {
    this.attachments = [];
  }

  list(): readonly Attachment[] {
    return this.attachments;
  }

  setText(text: string, revision: number): void {
    this.text = text;
    this.revision = revision;
  }

  /** Returns whether the suggestion changed. */
  setSuggestion(suggestion: Suggestion | undefined): boolean {
    if (this.suggestion?.path === suggestion?.path && this.suggestion?.name === suggestion?.name) return false;
    this.suggestion = suggestion;
    return true;
  }

  currentSuggestion(): Suggestion | undefined {
    return this.suggestion;
  }

  /** Chips, suggestion (unless that file is attached whole already) and the meter for the active profile. */
  state(profile: ProviderProfile | undefined, turns: readonly Turn[], texts: ChatTexts): ComposerState {
    const suggestion = this.suggestion;
    const attachedWhole = suggestion && this.attachments.some((a) => a.path === suggestion.path && a.startLine === undefined);
    const state: ComposerState = { attachments: this.attachments.map(toChip) };
    if (suggestion && !attachedWhole) state.suggestion = { ...suggestion };
    if (profile) {
      const { plan } = buildRequest(profile, turns, this.text.trim(), this.attachments, texts);
      state.meter = {
        unit: plan.unit,
        used: plan.used,
        limit: plan.limit,
        historyTurns: plan.historyTurns,
        historyLeftOut: plan.historyLeftOut,
        ...(plan.largest ? { largest: plan.largest } : {}),
        revision: this.revision,
      };
    }
    return state;
  }
}
