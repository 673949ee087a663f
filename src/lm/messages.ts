/**
 * VS Code's language model messages → Parley's ChatMessages. Text parts become
 * the message content. Tool calls (assistant) and tool results (user) keep
 * their OpenAI shape when the profile does tool calling; for the other
 * profiles they are written out as text, so nothing the caller sent is lost.
 * Parts Parley cannot send (images, data) are left out and reported back so
 * the caller can log them.
 */
import * as vscode from 'vscode';
import type { ChatMessage, ToolCall } from '../providers/types';

/** LanguageModelChatMessageRole.System (3) is still a proposed API, but VS Code's own chat sends it. */
const SYSTEM_ROLE = 3;

export interface MappedMessages {
  messages: ChatMessage[];
  /** Names of the part types that were left out (e.g. "LanguageModelDataPart"). */
  skipped: string[];
}

function roleOf(role: number): ChatMessage['role'] {
  if (role === vscode.LanguageModelChatMessageRole.Assistant) return 'assistant';
  if (role === SYSTEM_ROLE) return 'system';
  return 'user';
}

function partName(part: unknown): string {
  const name: unknown = part && typeof part === 'object' ? part.constructor?.name : undefined;
  return typeof name === 'string' && name ? name : typeof part;
}

/** The text of a tool result's content (text parts; anything else as JSON). */
function resultText(content: readonly unknown[]): string {
  return content
    .map((part) => {
      if (part instanceof vscode.LanguageModelTextPart) return part.value;
      if (part instanceof vscode.LanguageModelPromptTsxPart) return JSON.stringify(part.value);
      try {
        return JSON.stringify(part) ?? '';
      } catch {
        return '';
      }
    })
    .join('');
}

function objectInput(input: object): Record<string, unknown> {
  return input && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : { value: input };
}

export function toChatMessages(messages: readonly vscode.LanguageModelChatRequestMessage[], toolCalling: boolean): MappedMessages {
  const out: ChatMessage[] = [];
  const skipped = new Set<string>();
  const toolNames = new Map<string, string>();
  for (const message of messages) {
    const role = roleOf(message.role);
    let text = '';
    const calls: ToolCall[] = [];
    const results: ChatMessage[] = [];
    for (const part of message.content) {
      if (part instanceof vscode.LanguageModelTextPart) text += part.value;
      else if (part instanceof vscode.LanguageModelToolCallPart) {
        toolNames.set(part.callId, part.name);
        if (toolCalling) calls.push({ id: part.callId, name: part.name, input: objectInput(part.input) });
        else text += `${text ? '\n\n' : ''}[Called tool ${part.name} with ${JSON.stringify(part.input)}]`;
      } else if (part instanceof vscode.LanguageModelToolResultPart) {
        const content = resultText(part.content);
        if (toolCalling) results.push({ role: 'user', content, toolCallId: part.callId });
        else text += `${text ? '\n\n' : ''}[Result of tool ${toolNames.get(part.callId) ?? part.callId}: ${content}]`;
      } else skipped.add(partName(part));
    }
    // OpenAI wants tool results right after the assistant message that made the calls.
    out.push(...results);
    if (calls.length > 0) out.push({ role: 'assistant', content: text, toolCalls: calls });
    else if (text !== '' || results.length === 0) out.push({ role, content: text });
  }
  return { messages: out, skipped: [...skipped] };
}

/** The text of one message, for token counting. */
export function messageText(message: vscode.LanguageModelChatRequestMessage): string {
  return message.content
    .map((part) => {
      if (part instanceof vscode.LanguageModelTextPart) return part.value;
      if (part instanceof vscode.LanguageModelToolCallPart) return `${part.name} ${JSON.stringify(part.input)}`;
      if (part instanceof vscode.LanguageModelToolResultPart) return resultText(part.content);
      return '';
    })
    .join('');
}
