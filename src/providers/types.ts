/**
 * The provider contract. Tests, benchmarks, the chat layer and later features
 * all go through these names; add fields freely, never rename.
 */
import type { NetworkSettings } from '../net/settings';

/** A profile's kinds, fields and options are those of its schema (src/profiles). */
export type {
  EmmaOptions,
  EmmaProfile,
  OpenAICompatibleOptions,
  OpenAICompatibleProfile,
  ProviderKind,
  ProviderOptions,
  ProviderProfile,
  SecondMeOptions,
  SecondMeProfile,
} from '../profiles/types';
import type { ProviderProfile } from '../profiles/types';

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
