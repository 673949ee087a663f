/**
 * Which questions go out with the conversation's earlier turns: chat questions
 * do; one-shot editor commands (history: false) do not, Retry included; an
 * Emma profile with useHistory false never sends them.
 */
import assert from 'node:assert/strict';
import { ChatController } from '../../../src/chat/chatController';
import type { ProviderProfile } from '../../../src/providers/types';
import { ECOVAI, EMMA, FakeProviderSource, ManualClock, MemoryStore, ScriptedProvider } from './fakes';

function setup(profile: ProviderProfile) {
  const provider = new ScriptedProvider([]);
  let n = 0;
  const controller = new ChatController({
    providers: new FakeProviderSource([profile], profile.id),
    createProvider: provider.create,
    store: new MemoryStore(),
    clock: new ManualClock(),
    newId: () => `id${++n}`,
  });
  return { provider, controller };
}

const answer = (text: string) => [{ type: 'delta' as const, text }, { type: 'done' as const }];
const roles = (provider: ScriptedProvider, index: number) => provider.requests[index]?.messages.map((m) => `${m.role}:${m.content}`);

describe('history policy: which questions carry the earlier turns', () => {
  for (const profile of [EMMA, ECOVAI]) {
    it(`${profile.id}: a chat question carries the earlier turns; a one-shot command does not, also on Retry`, async () => {
      const { provider, controller } = setup(profile);
      provider.scripts.push(answer('A1'), answer('A2'), answer('A3'), answer('A3 again'));
      await controller.ask({ prompt: 'Q1' });
      await controller.ask({ prompt: 'Q2' });
      assert.deepEqual(roles(provider, 1), ['user:Q1', 'assistant:A1', 'user:Q2']);

      await controller.ask({ prompt: 'Explain this code', history: false });
      assert.deepEqual(roles(provider, 2), ['user:Explain this code']);
      const oneShot = controller.current().turns.at(-1)!;
      await controller.regenerate(oneShot.id);
      assert.deepEqual(roles(provider, 3), ['user:Explain this code']);
    });
  }

  it('an Emma profile with useHistory false sends every question alone', async () => {
    const { provider, controller } = setup({ ...EMMA, options: { modelKey: 'emma-5', useHistory: false } });
    provider.scripts.push(answer('A1'), answer('A2'));
    await controller.ask({ prompt: 'Q1' });
    await controller.ask({ prompt: 'Q2' });
    assert.deepEqual(roles(provider, 1), ['user:Q2']);
  });

  it('history: true on a one-shot command (a prompt with useHistory) carries the earlier turns', async () => {
    const { provider, controller } = setup(EMMA);
    provider.scripts.push(answer('A1'), answer('A2'));
    await controller.ask({ prompt: 'Q1' });
    await controller.ask({ prompt: 'Review again', history: true });
    assert.deepEqual(roles(provider, 1), ['user:Q1', 'assistant:A1', 'user:Review again']);
  });
});
