/**
 * Stand-in ChatApi used only until the chat view (which implements ChatApi)
 * is wired in extension.ts: it says so instead of silently doing nothing.
 * Delete when the real ChatApi is wired.
 */
import * as vscode from 'vscode';
import type { AskOptions, ChatApi } from '../chat/ports';
import type { ParleyLog } from './log';

export function createUnavailableChat(log: ParleyLog): ChatApi {
  const tell = () => void vscode.window.showWarningMessage(vscode.l10n.t('The Parley chat view is not available in this build.'));
  return {
    ask: async (options: AskOptions) => {
      log.warn(`ask (${options.prompt.length} chars) dropped: no chat view wired`);
      tell();
    },
    newChat: tell,
    exportMarkdown: () => undefined,
    stop: () => undefined,
  };
}
