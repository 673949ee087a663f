/** Small in-memory fakes for the chat layer's dependencies. */
import type { ProviderSource, Unsubscribe } from '../../../src/chat/ports';
import type { Conversation } from '../../../src/protocol/model';
import type { ChatEvent, ChatProvider, ChatRequest, EmmaProfile, OpenAICompatibleProfile, ProviderDeps, ProviderProfile } from '../../../src/providers/types';

export class FakeProviderSource implements ProviderSource {
  ready = true;
  /** Model lists an endpoint "discovered" (GET /models), by profile id. */
  discovered = new Map<string, string[]>();
  private listeners = new Set<() => void>();
  constructor(
    public profiles: ProviderProfile[],
    public activeId: string | undefined = profiles[0]?.id,
  ) {}
  list(): ProviderProfile[] {
    return this.profiles;
  }
  active(): ProviderProfile | undefined {
    return this.profiles.find((p) => p.id === this.activeId);
  }
  async setActive(profileId: string): Promise<void> {
    this.activeId = profileId;
    this.listeners.forEach((l) => l());
  }
  deps(): ProviderDeps {
    return { getSecret: async () => 'sk-test-canary-0000' };
  }
  async ensureReady(): Promise<boolean> {
    return this.ready;
  }
  discoveredModels(profile: ProviderProfile): string[] | undefined {
    return this.discovered.get(profile.id);
  }
  /** Simulates a discovery that found a list: stores it and fires the change event. */
  discover(profileId: string, models: string[]): void {
    this.discovered.set(profileId, models);
    this.listeners.forEach((l) => l());
  }
  profilesFromWorkspace?: () => boolean;
  onDidChange(listener: () => void): Unsubscribe {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}

/** A clock the test moves by hand. */
export class ManualClock {
  constructor(public time = 1_000_000) {}
  now(): number {
    return this.time;
  }
}

export class MemoryStore {
  saved: Conversation[] = [];
  files = new Map<string, string>();
  async save(conversation: Conversation): Promise<void> {
    const json = JSON.stringify(conversation);
    this.saved.push(JSON.parse(json) as Conversation);
    this.files.set(conversation.id, json);
  }
  async load(id: string): Promise<Conversation | undefined> {
    const json = this.files.get(id);
    return json === undefined ? undefined : (JSON.parse(json) as Conversation);
  }
}

/** One scripted step: an event to yield, an error to throw, a hook to run, or a wait for abort. */
export type Step = ChatEvent | { throw: unknown } | { run: () => void } | { waitForAbort: true };

/** A provider that plays a script per call and records the requests it got. */
export class ScriptedProvider {
  requests: ChatRequest[] = [];
  constructor(public scripts: Step[][]) {}

  create = (profile: ProviderProfile): ChatProvider => ({
    profile,
    streamChat: (request, signal) => {
      this.requests.push(request);
      const script = this.scripts.shift() ?? [];
      return play(script, signal);
    },
  });
}

async function* play(script: Step[], signal: AbortSignal): AsyncIterable<ChatEvent> {
  for (const step of script) {
    if ('throw' in step) throw step.throw;
    if ('run' in step) {
      step.run();
      continue;
    }
    if ('waitForAbort' in step) {
      if (!signal.aborted) {
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
      }
      const { ProviderError } = await import('../../../src/net/errors');
      const { errorText } = await import('../../../src/net/errorTexts');
      throw new ProviderError('cancelled', errorText('network.requestCancelled', {}));
    }
    await Promise.resolve();
    yield step;
  }
}

export const EMMA: EmmaProfile = { id: 'emma', kind: 'emma', label: 'Emma', options: { modelKey: 'emma-5' } };
export const ECOVAI: OpenAICompatibleProfile = {
  id: 'ecovai',
  kind: 'openai-compatible',
  label: 'ecovai',
  baseUrl: 'https://api.ecovai.cn/v1',
  model: 'spark-v3',
};
