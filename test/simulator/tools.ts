/**
 * OpenAI function calling in the simulator. A request with `tools` whose last
 * message is the user's (and `tool_choice` is not "none") is answered with
 * tool calls: one per tool, for the first two tools (so two calls arrive in one
 * reply), arguments filled from each tool's JSON schema and, when streamed,
 * split across several chunks. A request whose last messages are `tool`
 * results is answered with text that quotes each result, so a client can see
 * the round trip. Every `tool` message must answer a call of an earlier
 * assistant message (else 400, like OpenAI).
 */
import { randomBytes } from 'node:crypto';
import type { OpenAiBody } from './validation';

export interface PlannedToolCall {
  id: string;
  name: string;
  /** The JSON text of the arguments. */
  arguments: string;
}

/** Characters per streamed `function.arguments` piece: small, so every call arrives in several chunks. */
export const ARGUMENT_PIECE_CHARS = 7;

type Tool = NonNullable<OpenAiBody['tools']>[number];
type Message = OpenAiBody['messages'][number];

function argumentsFor(tool: Tool, prompt: string, n: number): Record<string, unknown> {
  const properties = (tool.function.parameters as { properties?: Record<string, { type?: unknown }> } | undefined)?.properties ?? {};
  const args: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(properties)) {
    if (schema.type === 'string') args[name] = prompt || `${name} ${n}`;
    else if (schema.type === 'number' || schema.type === 'integer') args[name] = n;
    else if (schema.type === 'boolean') args[name] = true;
  }
  return args;
}

/** The calls to answer with, or undefined when this request gets a text reply. */
export function plannedToolCalls(body: OpenAiBody, prompt: string): PlannedToolCall[] | undefined {
  const tools = body.tools ?? [];
  if (tools.length === 0 || body.tool_choice === 'none' || body.messages.at(-1)?.role !== 'user') return undefined;
  return tools.slice(0, 2).map((tool, i) => ({
    id: `call_${randomBytes(6).toString('hex')}`,
    name: tool.function.name,
    arguments: JSON.stringify(argumentsFor(tool, prompt, i + 1)),
  }));
}

/** The reply to trailing tool results: quotes each result with its tool's name; undefined when the last message is not one. */
export function toolResultsReply(messages: readonly Message[]): string | undefined {
  const results: Extract<Message, { role: 'tool' }>[] = [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m?.role !== 'tool') break;
    results.unshift(m);
  }
  if (results.length === 0) return undefined;
  const names = new Map<string, string>();
  for (const m of messages) if (m.role === 'assistant') for (const call of m.tool_calls ?? []) names.set(call.id, call.function.name);
  const quoted = results.map((r) => `**${names.get(r.tool_call_id) ?? '?'}** returned “${r.content}”`);
  return `Tool results received: ${quoted.join('; ')}.`;
}

/** The id of a `tool` message that answers no earlier assistant tool call, if any. */
export function unansweredToolResult(messages: readonly Message[]): string | undefined {
  const called = new Set<string>();
  for (const m of messages) {
    if (m.role === 'assistant') for (const call of m.tool_calls ?? []) called.add(call.id);
    if (m.role === 'tool' && !called.has(m.tool_call_id)) return m.tool_call_id;
  }
  return undefined;
}

export function splitArguments(text: string): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += ARGUMENT_PIECE_CHARS) pieces.push(text.slice(i, i + ARGUMENT_PIECE_CHARS));
  return pieces.length > 0 ? pieces : [''];
}
