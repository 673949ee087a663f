/**
 * An editor command whose message is over the profile's budget: nothing is
 * cut silently. When whole lines of the code fit, the user is asked (a modal,
 * before anything is sent) whether to send only those lines; else the command
 * says how big the message is and stops.
 */
import * as vscode from 'vscode';
import type { CodeContext, PartThatFits } from '../chat/promptBuilder';
import type { BudgetUnit } from '../protocol/model';
import { noteText, partNote } from './promptTexts';

export interface OverBudget {
  title: string;
  provider: string;
  unit: BudgetUnit;
  needed: number;
  limit: number;
  code: CodeContext | undefined;
  part: PartThatFits | undefined;
}

export interface Chosen {
  prompt: string;
  location: string;
  notes: string[];
}

/** "the message would be 5,012 characters; Emma accepts 4,500 (system prompt included)." */
function sizeText({ needed, limit, unit, provider }: OverBudget): string {
  const n = (value: number) => value.toLocaleString(vscode.env.language);
  return unit === 'characters'
    ? vscode.l10n.t('the message would be {0} characters; {1} accepts {2} (system prompt included).', n(needed), provider, n(limit))
    : vscode.l10n.t('the message would be about {0} tokens; {1} has room for {2} (system prompt included, the rest of its context window kept for the reply).', n(needed), provider, n(limit));
}

/** Resolves with the part to send when the user chose it; undefined when nothing is to be sent. */
export async function offerPartThatFits(over: OverBudget): Promise<Chosen | undefined> {
  const { title, code, part } = over;
  if (!part || !code) {
    vscode.window.showWarningMessage(vscode.l10n.t('{0}: {1} Shorten it.', title, sizeText(over)));
    return undefined;
  }
  const sendPart = vscode.l10n.t('Send Lines {0}–{1}', code.startLine, part.sentEndLine);
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0}: {1} Send only lines {2}–{3} of lines {2}–{4}, the part that fits?', title, sizeText(over), code.startLine, part.sentEndLine, code.endLine),
    { modal: true },
    sendPart,
  );
  if (choice !== sendPart) return undefined;
  const noSelection =
    code.origin !== 'selection'
      ? [noteText({ kind: 'noSelection', origin: code.origin, startLine: code.startLine, endLine: code.endLine, ...(code.blockName ? { blockName: code.blockName } : {}) })]
      : [];
  return {
    prompt: part.prompt,
    location: part.location,
    notes: [...noSelection, partNote(code.startLine, part.sentEndLine, code.endLine, over.provider)],
  };
}
