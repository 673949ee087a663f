import assert from 'node:assert/strict';
import { buildRequest, cut } from '../../../src/chat/buildRequest';
import { DEFAULT_CHAT_TEXTS } from '../../../src/chat/chatTexts';
import type { Turn } from '../../../src/protocol/model';

const turn = (prompt: string, reply?: string): Turn => ({
  id: prompt,
  prompt,
  notes: [],
  createdAt: 1,
  ...(reply === undefined ? {} : { reply: { text: reply, status: 'done' as const, providerId: 'p', providerLabel: 'P', startedAt: 1 } }),
});

describe('buildRequest', () => {
  it('counts characters as code points and never splits a surrogate pair', () => {
    assert.deepEqual(cut('😀😀😀', 2), { text: '😀😀', cut: true });
    assert.deepEqual(cut('😀😀', 2), { text: '😀😀', cut: false });
    assert.deepEqual(cut('abc', 5), { text: 'abc', cut: false });
  });

  it('leaves out questions without a reply text (failed before any text) and sends no note for them', () => {
    const built = buildRequest([turn('q1', 'a1'), turn('q2'), turn('q3', '')], 'q4', { maxTurns: 6, maxCharsPerMessage: 100 }, DEFAULT_CHAT_TEXTS);
    assert.deepEqual(built.request.messages, [
      { role: 'user', content: 'q1' },
      { role: 'assistant', content: 'a1' },
      { role: 'user', content: 'q4' },
    ]);
    assert.deepEqual(built.notes, []);
  });
});
