/**
 * The provider contract. Tests, benchmarks, the chat layer and later features
 * all go through these names; add fields freely, never rename.
 */
import type { NetworkSettings } from '../net/settings';

export type ProviderKind = 'emma' | 'secondme' | 'openai-compatible';

export interface EmmaOptions {
  modelKey?: 'emma-5' | 'emma-4' | 'emma-3';
  useRag?: boolean;
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
   * counts. Default false: not every compatible server accepts the field (ecovai does not document it).
   */
  includeUsage?: boolean;
}

export type ProviderOptions = EmmaOptions | SecondMeOptions | OpenAICompatibleOptions;

export interface ProviderProfile {
  id: string;
  kind: ProviderKind;
  label?: string;
  baseUrl?: string;
  model?: string;
  instanceId?: string;
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

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  messages: ChatMessage[];
  temperature?: number;
  maxTokens?: number;
}

export type ChatEvent =
  | { type: 'delta'; text: string }
  /** The whole reply so far; supersedes everything emitted before. */
  | { type: 'replace'; text: string }
  | { type: 'usage'; promptTokens?: number; outputTokens?: number }
  | { type: 'done'; finishReason?: string };

export interface ChatProvider {
  readonly profile: ProviderProfile;
  streamChat(request: ChatRequest, signal: AbortSignal): AsyncIterable<ChatEvent>;
}
