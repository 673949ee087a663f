/**
 * Shows failed saves where the user sees them: a banner on the conversation in
 * the chat view ("Not saved: disk full — retrying", with Retry and Export)
 * while its saves fail, gone once one succeeds; and one VS Code warning per
 * spell of failures (again only after everything was saved in between).
 */
import * as vscode from 'vscode';
import { Disposable } from '../common/lifecycle';
import type { ConversationPersistence, SaveStatus } from '../storage/conversationPersistence';
import { conversationToMarkdown } from '../chat/exportMarkdown';
import type { SaveFailure } from '../storage/saveFailure';
import type { HostMessage } from '../protocol/messages';
import type { Conversation } from '../protocol/model';
import { saveMarkdown } from './historyActions';
import { logFailure, runInBackground } from '../net/background';

type SaveStatusMessage = Extract<HostMessage, { type: 'saveStatus' }>;

/** The banner text for a failure kind. */
export function saveProblemText(failure: SaveFailure): string {
  switch (failure.kind) {
    case 'diskFull':
      return vscode.l10n.t('Not saved: disk full — retrying');
    case 'noPermission':
      return vscode.l10n.t('Not saved: no permission to write the conversations folder — retrying');
    case 'newerVersion':
      return vscode.l10n.t('Not saved: a newer version of Parley saved this conversation — retrying');
    case 'other':
      return vscode.l10n.t('Not saved: the disk reported {0} — retrying', failure.code);
  }
}

export class SaveStatusReporter extends Disposable {
  private warned = false;

  constructor(
    private readonly persistence: ConversationPersistence,
    /** The conversation with this id as a chat session shows it, if one does. */
    private readonly shown: (conversationId: string) => Conversation | undefined,
    /** Posts to every chat session (a banner shows on the page showing its conversation). */
    private readonly post: (message: SaveStatusMessage) => void,
    private readonly log: (line: string) => void,
  ) {
    super();
    this.register(persistence.onStatus((status) => this.onStatus(status)));
  }

  /** The banners to show on a page that just became ready. */
  messages(): SaveStatusMessage[] {
    return this.persistence.unsaved().map(({ status }) => this.messageOf(status));
  }

  async act(conversationId: string, action: 'retry' | 'export'): Promise<void> {
    if (action === 'retry') await this.persistence.retryNow();
    else await this.exportCopy(conversationId);
  }

  private onStatus(status: SaveStatus): void {
    this.post(this.messageOf(status));
    if (!status.failure) {
      if (this.persistence.unsaved().length === 0) this.warned = false;
      return;
    }
    if (this.warned) return;
    this.warned = true;
    runInBackground(this.warn(status.conversationId, status.title, status.failure), logFailure('conversations: the save warning', this.log));
  }

  private async warn(conversationId: string, title: string, failure: SaveFailure): Promise<void> {
    const retry = vscode.l10n.t('Retry');
    const exportCopy = vscode.l10n.t('Export');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Parley could not save the conversation “{0}” ({1}). It stays open and is saved again automatically; use Export to keep a copy elsewhere.',
        title,
        saveProblemText(failure),
      ),
      retry,
      exportCopy,
    );
    if (choice === retry) await this.persistence.retryNow();
    else if (choice === exportCopy) await this.exportCopy(conversationId);
  }

  /** Asks where to save, then writes the conversation as it is in memory there as Markdown. */
  private async exportCopy(conversationId: string): Promise<void> {
    const unsaved = this.persistence.unsaved().find((u) => u.conversation.id === conversationId)?.conversation;
    const conversation = unsaved ?? this.shown(conversationId);
    if (!conversation || conversation.turns.length === 0) return;
    await saveMarkdown(conversationToMarkdown(conversation), conversation.title);
  }

  private messageOf(status: SaveStatus): SaveStatusMessage {
    const message: SaveStatusMessage = { type: 'saveStatus', conversationId: status.conversationId };
    if (status.failure) message.problem = saveProblemText(status.failure);
    return message;
  }
}
