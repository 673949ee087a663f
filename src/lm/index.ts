/**
 * Registers Parley's language models with VS Code (vendor "parley", declared
 * in package.json `languageModelChatProviders`) and the "Refresh Model Lists"
 * command. Returns the disposables for context.subscriptions.
 */
import * as vscode from 'vscode';
import { ParleyChatModels, type LmLog, type LmProviderSource, type ProviderFactory } from './parleyChatModels';

export const LM_VENDOR = 'parley';

export interface LanguageModelDeps {
  source: LmProviderSource & { refreshModels(): Promise<void> };
  createProvider: ProviderFactory;
  log: LmLog;
}

export function registerLanguageModels(deps: LanguageModelDeps): vscode.Disposable[] {
  const models = new ParleyChatModels(deps.source, deps.createProvider, deps.log);
  return [
    models,
    vscode.lm.registerLanguageModelChatProvider(LM_VENDOR, models),
    vscode.commands.registerCommand('parley.refreshModels', async () => {
      await deps.source.refreshModels();
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Parley: model lists refreshed'), 3000);
    }),
  ];
}

export type { ParleyModelInformation } from './modelInfo';
