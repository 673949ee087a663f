/**
 * The one conversation store every chat session shares, and the persistence
 * in front of it (failed saves retried with backoff while the conversation
 * stays in memory). Files found unreadable are set aside and reported.
 */
import * as vscode from 'vscode';
import { ConversationPersistence } from '../storage/conversationPersistence';
import { ConversationStore } from '../storage/conversationStore';

export interface ConversationStorage {
  store: ConversationStore;
  persistence: ConversationPersistence;
}

export function openConversationStorage(
  globalStorageUri: vscode.Uri,
  log: (line: string) => void,
  /** Shows a notice in the chat views. */
  notify: (text: string) => void,
): ConversationStorage {
  const store = new ConversationStore(vscode.Uri.joinPath(globalStorageUri, 'conversations').fsPath, {
    onSetAside: (report) => {
      log(`conversations: set aside an unreadable file (${report.reason}): ${report.movedTo}`);
      const text = vscode.l10n.t(
        'A saved conversation could not be read ({0}) and was set aside as {1}. The others are fine.',
        report.reason,
        report.movedTo,
      );
      vscode.window.showWarningMessage(text);
      notify(text);
    },
  });
  store.removeLeftoverTempFiles().then(
    (removed) => removed.length > 0 && log(`conversations: removed ${removed.length} temp file(s) left by an unfinished save`),
    (error: unknown) => log(`conversations: could not clean up temp files: ${String(error)}`),
  );
  return { store, persistence: new ConversationPersistence(store, { log }) };
}
