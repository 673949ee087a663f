/**
 * The provider contract. Tests, benchmarks, the chat layer and later features
 * all go through these names; add fields freely, never rename.
 */
import type { NetworkSettings } from '../net/settings';

export type ProviderKind = 'emma' | 'secondme' | 'openai-compatible';

export interface EmmaOptions {
  modelKey?: 'emma-5' | 'emma-4' | 'emma-3';
  useRag?: boolean;
  /**
   * Send the earlier turns as Emma's `history` (with `use_history: true`). Default true for
   * chat (the document's default is false); one-shot editor commands send none either way.
   */
  useHistory?: boolean;
  mode?: 'raw' | 'assisted';
  preset?: 'adaptive' | 'precise' | 'balanced' | 'creative';
  maxNewTokens?: number;
  temperature?: number;
}

export interface SecondMeOptions {
  /** Which of the two documented endpoints to call. */
  endpoint?: 'chat' | 'chat-completions';
  enableL0Retrieval?: boolean;
  roleId?: string;
  temperature?: number;
  maxTokens?: number;
}

export interface OpenAICompatibleOptions {
  temperature?: number;
  topK?: number;
  maxTokens?: number;
  /** Ask for a streamed reply (default true); a plain JSON reply is handled either way. */
  stream?: boolean;
  /** Highest temperature the endpoint accepts (ecovai: 1, OpenAI: 2). Default 2, or 1 for api.ecovai.cn. */
  maxTemperature?: number;
  /**
   * Send `stream_options: { include_usage: true }` so the stream ends with token
   * counts. Default true; an endpoint whose 400 names the field gets the request
   * again without it, remembered per profile (usageInStream.ts). false: never ask.
   */
  includeUsage?: boolean;
  /**
   * The endpoint understands OpenAI `tools` / `tool_calls` (function calling).
   * Off by default: many compatible servers reject or ignore `tools`. Only then
   * do Parley's language models (vscode.lm) offer tool calling.
   */
  toolCalling?: boolean;
}

export type ProviderOptions = EmmaOptions | SecondMeOptions | OpenAICompatibleOptions;

export interface ProviderProfile {
  id: string;
  kind: ProviderKind;
  label?: string;
  baseUrl?: string;
  model?: string;
  instanceId?: string;
  /**
   * Sent before every conversation: as the system message, or — Emma has no
   * system role — in front of the message, where it counts toward its 4,500 characters.
   */
  systemPrompt?: string;
  /** SecondMe and OpenAI-compatible: the model's context window in tokens (the chat's budget). Default per preset. */
  contextWindow?: number;
  options?: ProviderOptions;
}

export interface ProviderDeps {
  /**
   * The API key for a profile, from SecretStorage in the extension; never logged.
   * `destination` is the URL the key is about to be sent to: the extension hands
   * a key only to the origin it was stored for unless the user confirms, and
   * throws a ProviderError when they do not (no request is made then).
   */
  getSecret(profileId: string, destination?: string): Promise<string | undefined>;
  network?: NetworkSettings;
  /** Optional structured log sink; lines it receives are already redacted. */
  log?: (line: string) => void;
  /** Test seam: replaces the wait between retries (see net/http SendOptions.sleep). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** A function call the model asked for (OpenAI-compatible endpoints with `toolCalling`). */
export interface ToolCall {
  id: string;
  name: string;
  /** The arguments, parsed from the JSON object the model sent. */
  input: Record<string, unknown>;
}

/** A tool the model may call: name, description and a JSON schema for its input. */
export interface ToolDefinition {
  name: string;
  description: string;
  parameters?: object;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
  /** Assistant messages only: the tool calls it made (sent as `tool_calls`). */
  toolCalls?: ToolCall[];
  /**
   * User-side messages only: this message is the result of that tool call and
   * is sent as `{role: "tool", tool_call_id}`. Only the OpenAI-compatible
   * adapter sends tool messages; the caller flattens them to text for the others.
   */
  toolCallId?: string;
}

export interface ChatRequest {
  messages: ChatMessage[];
  temperature?: number;
  maxTokens?: number;
  /** Tools the model may call (OpenAI-compatible profiles with `toolCalling: true` only). */
  tools?: ToolDefinition[];
  /** `required`: the model must call a tool. Default: it decides. */
  toolChoice?: 'auto' | 'required';
}

export type ChatEvent =
  | { type: 'delta'; text: string }
  /** The whole reply so far; supersedes everything emitted before. */
  | { type: 'replace'; text: string }
  | { type: 'usage'; promptTokens?: number; outputTokens?: number; totalTokens?: number }
  /** A complete tool call (its streamed pieces already joined). */
  | ({ type: 'toolCall' } & ToolCall)
  | { type: 'done'; finishReason?: string };

export interface ChatProvider {
  readonly profile: ProviderProfile;
  streamChat(request: ChatRequest, signal: AbortSignal): AsyncIterable<ChatEvent>;
}
