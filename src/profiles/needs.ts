/** What a profile needs before its first request: an API key, an instance id. */
import type { ProviderProfile } from './types';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '0.0.0.0']);

/** True for loopback hosts, where local servers (Ollama, LM Studio, llama.cpp) need no key. */
export function isLocalUrl(baseUrl: string | undefined): boolean {
  if (!baseUrl) return false;
  try {
    const host = new URL(baseUrl).hostname.toLowerCase();
    return LOCAL_HOSTS.has(host) || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}

/** Emma always needs a key; OpenAI-compatible endpoints do unless local; SecondMe documents none. */
export function needsApiKey(profile: Pick<ProviderProfile, 'kind' | 'baseUrl'>): boolean {
  switch (profile.kind) {
    case 'emma':
      return true;
    case 'openai-compatible':
      return !isLocalUrl(profile.baseUrl);
    case 'secondme':
      return false;
  }
}

/**
 * Whether a key is needed before the first request: `required` (Emma, remote
 * OpenAI-compatible), `optional` (a local OpenAI-compatible server: Ollama needs
 * none, vLLM started with --api-key checks one) or `none` (SecondMe documents none).
 */
export function keyRequirement(profile: Pick<ProviderProfile, 'kind' | 'baseUrl'>): 'required' | 'optional' | 'none' {
  if (needsApiKey(profile)) return 'required';
  return profile.kind === 'openai-compatible' ? 'optional' : 'none';
}

/** SecondMe puts the instance id in the request path, so it cannot work without one. */
export function needsInstanceId(profile: ProviderProfile): boolean {
  return profile.kind === 'secondme' && !profile.instanceId?.trim();
}
