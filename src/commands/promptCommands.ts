/**
 * Ask…, the built-in prompt commands (Explain Selection, Find Bugs, …) and
 * Run Prompt…: each builds the prompt from the editor's code and streams the
 * reply into the last focused chat session, which is revealed first.
 */
import * as vscode from 'vscode';
import { messageUsage, systemPromptOf } from '../chat/assembleMessage';
import { budgetFor } from '../chat/budget';
import { buildPrompt, type CodeContext } from '../chat/promptBuilder';
import { BUILTIN_PROMPTS, templateVariables, type PromptDefinition } from '../chat/prompts';
import { displayName } from '../profiles/models';
import { codeAtCursor, wholeFile } from '../host/editorCode';
import type { CommandDeps } from './deps';
import { offerPartThatFits } from './overBudget';
import { noteText, promptTitle } from './promptTexts';

/** “Ask Parley” is a chat question typed in the palette: it goes with the conversation like one typed in the view. */
const PLAIN_QUESTION: PromptDefinition = { id: 'ask', title: 'Ask', template: '${input}', context: 'none', builtin: true, useHistory: true };

/** The editor a command works on: the active one unless it shows an output channel (e.g. Parley's log). */
function sourceEditor(): vscode.TextEditor | undefined {
  const isSource = (editor: vscode.TextEditor | undefined) => !!editor && editor.document.uri.scheme !== 'output';
  const active = vscode.window.activeTextEditor;
  return isSource(active) ? active : vscode.window.visibleTextEditors.find(isSource);
}

async function codeFor(prompt: PromptDefinition, log: CommandDeps['log']): Promise<CodeContext | 'noEditor' | 'nothing' | undefined> {
  if (prompt.context === 'none') return undefined;
  const editor = sourceEditor();
  if (!editor) return 'noEditor';
  try {
    const code = prompt.context === 'file' ? wholeFile(editor) : await codeAtCursor(editor);
    return code ?? 'nothing';
  } catch (error) {
    // The document changed under us (e.g. reloaded from disk): say so rather than fail silently.
    log.warn(`reading the code at the cursor failed: ${error instanceof Error ? error.message : String(error)}`);
    return 'nothing';
  }
}

async function askInput(prompt: PromptDefinition, title: string): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({
    title,
    prompt: prompt.id === 'ask' ? vscode.l10n.t('Ask Parley anything') : vscode.l10n.t('Your question about the code'),
    placeHolder: vscode.l10n.t('e.g. Why is this loop slow?'),
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Type a question first.')),
  });
  return answer?.trim() || undefined;
}

/**
 * Runs one prompt end to end. Resolves when the reply has ended (or nothing was sent).
 * `givenInput` answers `${input}` without the input box (command arguments, tests).
 */
export async function runPrompt(prompt: PromptDefinition, deps: CommandDeps, givenInput?: unknown): Promise<void> {
  const title = prompt.id === 'ask' ? vscode.l10n.t('Ask Parley') : promptTitle(prompt);
  const profile = deps.source.active();
  if (!profile) {
    const manage = vscode.l10n.t('Manage Providers');
    const choice = await vscode.window.showWarningMessage(vscode.l10n.t('No provider is configured yet. Add one first.'), manage);
    if (choice === manage) await vscode.commands.executeCommand('parley.manageProviders');
    return;
  }
  const code = await codeFor(prompt, deps.log);
  if (code === 'noEditor') {
    vscode.window.showInformationMessage(vscode.l10n.t('{0}: open a file and select some code first.', title));
    return;
  }
  if (code === 'nothing') {
    vscode.window.showInformationMessage(
      vscode.l10n.t('{0}: nothing is selected and there is no code at the cursor. Select some code first.', title),
    );
    return;
  }
  let input: string | undefined;
  if (templateVariables(prompt.template).includes('input')) {
    input = typeof givenInput === 'string' && givenInput.trim() ? givenInput.trim() : await askInput(prompt, title);
    if (input === undefined) return;
  }
  const budget = budgetFor(profile);
  const system = systemPromptOf(profile);
  const measure = (text: string) => messageUsage(budget, system, text);
  const result = buildPrompt(prompt, {
    ...(code ? { code } : {}),
    ...(input !== undefined ? { input } : {}),
    limit: budget.limit,
    measure,
  });
  let built: { prompt: string; location?: string; notes: string[] };
  if (result.ok) {
    built = { prompt: result.prompt, notes: result.notes.map(noteText), ...(result.location ? { location: result.location } : {}) };
  } else if (result.reason === 'needsCode') {
    vscode.window.showWarningMessage(vscode.l10n.t('{0}: select some code first.', title));
    return;
  } else {
    // Never cut silently: the user decides, before anything is sent, whether the part that fits is worth sending.
    const chosen = await offerPartThatFits({
      title,
      provider: displayName(profile),
      unit: budget.unit,
      needed: result.needed,
      limit: result.limit,
      code,
      part: result.part,
    });
    if (!chosen) return;
    built = chosen;
  }
  const lead = input !== undefined ? input : title;
  const displayText = built.location ? `${lead} · ${built.location}` : lead;
  const notes = built.notes;
  deps.log.info(`command ${prompt.id}: ${built.prompt.length} chars to ${profile.id}${notes.length ? ` (${notes.length} note(s))` : ''}`);
  // The chat of the last focused session shows it (revealed once) and streams the reply.
  // One-shot: the earlier turns go along only when the prompt asks for them.
  await deps.chat.ask({ prompt: built.prompt, displayText, history: prompt.useHistory === true, ...(notes.length ? { notes } : {}) });
}

async function pickPrompt(deps: CommandDeps): Promise<PromptDefinition | undefined> {
  type Item = vscode.QuickPickItem & { prompt?: PromptDefinition };
  const prompts = deps.settings.prompts();
  const builtins = prompts.filter((p) => p.builtin).map<Item>((p) => ({ label: promptTitle(p), prompt: p }));
  const own = prompts.filter((p) => !p.builtin).map<Item>((p) => ({ label: p.title, description: p.id, prompt: p }));
  const items: Item[] = [
    { label: vscode.l10n.t('Built-in'), kind: vscode.QuickPickItemKind.Separator },
    ...builtins,
    ...(own.length
      ? [{ label: vscode.l10n.t('Your prompts (parley.prompts)'), kind: vscode.QuickPickItemKind.Separator }, ...own]
      : []),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Run Prompt'), placeHolder: vscode.l10n.t('Choose a prompt') });
  return picked?.prompt;
}

export function registerPromptCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('parley.ask', (question?: unknown) => runPrompt(PLAIN_QUESTION, deps, question)),
    ...BUILTIN_PROMPTS.map((prompt) =>
      vscode.commands.registerCommand(`parley.${prompt.id}`, (question?: unknown) => runPrompt(prompt, deps, question)),
    ),
    vscode.commands.registerCommand('parley.runPrompt', async (promptId?: unknown, input?: unknown) => {
      const prompt =
        typeof promptId === 'string' ? deps.settings.prompts().find((p) => p.id === promptId) : await pickPrompt(deps);
      if (typeof promptId === 'string' && !prompt) {
        vscode.window.showWarningMessage(vscode.l10n.t('There is no prompt with id "{0}".', promptId));
        return;
      }
      if (prompt) await runPrompt(prompt, deps, input);
    }),
  ];
}
