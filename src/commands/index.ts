/** Registers every Parley command; returns the disposables for context.subscriptions. */
import type * as vscode from 'vscode';
import { registerAttachCommands } from './attachCommands';
import { registerChatCommands } from './chatCommands';
import type { CommandDeps } from './deps';
import { registerKeyCommands } from './keyCommands';
import { registerManageProviders } from './manageProviders';
import { registerPromptCommands } from './promptCommands';
import { registerSwitchProvider } from './switchProvider';

export type { ChatSessionCommands, CommandDeps } from './deps';
export { setApiKey } from './keyCommands';
export { manageProviders } from './manageProviders';
export { switchTo } from './switchProvider';

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    ...registerChatCommands(deps),
    ...registerPromptCommands(deps),
    ...registerAttachCommands(deps),
    ...registerSwitchProvider(deps),
    ...registerKeyCommands(deps),
    ...registerManageProviders(deps),
  ];
}
