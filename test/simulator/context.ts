/** What the server hands each API handler for one request. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayFault, StreamBehaviour } from './faults';

export interface SimulatorKeys {
  /** Emma keys that work. */
  emma: string[];
  /** Emma keys whose credit is exhausted (402). */
  emmaNoCredit: string[];
  /** OpenAI-compatible (ecovai) bearer keys that work. */
  openai: string[];
  /** OpenAI-compatible keys whose quota is exhausted (403 insufficient_user_quota). */
  openaiNoCredit: string[];
}

export const DEFAULT_KEYS: SimulatorKeys = {
  emma: ['sim-emma-key'],
  emmaNoCredit: ['sim-emma-nocredit'],
  openai: ['sim-openai-key'],
  openaiNoCredit: ['sim-openai-nocredit'],
};

export type InstanceStatus = 'online' | 'offline';

export const DEFAULT_INSTANCES: Record<string, InstanceStatus> = {
  'sim-instance': 'online',
  'sim-offline': 'offline',
};

export interface SimulatorConfig {
  keys: SimulatorKeys;
  instances: Record<string, InstanceStatus>;
  delayMs: number;
}

export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  /** Path without query string. */
  path: string;
  /** The parsed JSON body, or `undefined` when it was not JSON. */
  body: unknown;
  jsonInvalid: boolean;
  config: SimulatorConfig;
  /** Folds server-wide faults and the markers in `lastUserMessage` together. */
  faults(lastUserMessage: string): { behaviour: StreamBehaviour; gateway?: GatewayFault };
}

/** The last user message of an OpenAI-style `messages` array, if it has one. */
export function lastUserContent(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  const messages = (body as { messages?: unknown }).messages;
  if (!Array.isArray(messages)) return '';
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i] as { role?: unknown; content?: unknown } | null;
    if (m && m.role === 'user' && typeof m.content === 'string') return m.content;
  }
  return '';
}

export function promptTokens(texts: string[]): number {
  return Math.max(1, Math.ceil(texts.join(' ').length / 4));
}
