import assert from 'node:assert/strict';
import { attachmentBlock, userMessage } from '../../../src/chat/assembleMessage';
import { budgetFor, DEFAULT_CONTEXT_WINDOW, defaultContextWindow } from '../../../src/chat/budget';
import { buildRequest, cut } from '../../../src/chat/buildRequest';
import { DEFAULT_CHAT_TEXTS } from '../../../src/chat/chatTexts';
import { estimateTokens } from '../../../src/chat/tokenEstimate';
import type { Attachment, Turn } from '../../../src/protocol/model';
import { buildEmmaRequest } from '../../../src/providers/emma';
import { buildOpenAiRequest } from '../../../src/providers/openaiCompatible';
import type { EmmaProfile, OpenAICompatibleProfile, ProviderProfile } from '../../../src/providers/types';

const turn = (prompt: string, reply?: string, attachments?: Attachment[]): Turn => ({
  id: prompt,
  prompt,
  notes: [],
  createdAt: 1,
  ...(attachments ? { attachments } : {}),
  ...(reply === undefined ? {} : { reply: { text: reply, status: 'done' as const, providerId: 'p', providerLabel: 'P', startedAt: 1 } }),
});

const emma = (systemPrompt?: string): EmmaProfile => ({ id: 'emma', kind: 'emma', ...(systemPrompt ? { systemPrompt } : {}) });
const openai = (extra: Partial<OpenAICompatibleProfile> = {}): OpenAICompatibleProfile => ({
  id: 'oa',
  kind: 'openai-compatible',
  baseUrl: 'http://127.0.0.1:9/v1',
  model: 'm',
  ...extra,
});
const util: Attachment = { id: 'a1', path: 'src/util.ts', language: 'typescript', startLine: 10, endLine: 12, content: 'export const a = 1;\nexport const b = 2;\nexport const c = 3;' };
const build = (profile: ProviderProfile, earlier: Turn[], question: string, attachments: Attachment[] = []) =>
  buildRequest(profile, earlier, question, attachments, DEFAULT_CHAT_TEXTS);

describe('prompt assembly and budgets (buildRequest)', () => {
  it('counts characters as code points and never splits a surrogate pair', () => {
    assert.deepEqual(cut('😀😀😀', 2), { text: '😀😀', cut: true });
    assert.deepEqual(cut('😀😀', 2), { text: '😀😀', cut: false });
    assert.deepEqual(cut('abc', 5), { text: 'abc', cut: false });
  });

  it('leaves out questions without a reply text (failed before any text) and sends no note for them', () => {
    const built = build(emma(), [turn('q1', 'a1'), turn('q2'), turn('q3', '')], 'q4');
    assert.ok(built.ok);
    assert.deepEqual(built.request.messages, [
      { role: 'user', content: 'q1' },
      { role: 'assistant', content: 'a1' },
      { role: 'user', content: 'q4' },
    ]);
    assert.deepEqual(built.notes, []);
  });

  it('puts each attachment in a fenced block with its language, path and line range, before the question', () => {
    const whole: Attachment = { id: 'a2', path: 'README.md', language: 'markdown', content: 'has ``` inside\n' };
    assert.equal(attachmentBlock(util), '```typescript src/util.ts:10-12\nexport const a = 1;\nexport const b = 2;\nexport const c = 3;\n```');
    // A whole file has no range; a fence inside the content gets a longer fence around it.
    assert.equal(attachmentBlock(whole), '````markdown README.md\nhas ``` inside\n````');
    assert.equal(userMessage('Why?', [util, whole]), `${attachmentBlock(util)}\n\n${attachmentBlock(whole)}\n\nWhy?`);
    const built = build(openai(), [], 'Why?', [util]);
    assert.ok(built.ok);
    assert.deepEqual(built.request.messages, [{ role: 'user', content: `${attachmentBlock(util)}\n\nWhy?` }]);
  });

  it('sends earlier questions with their attachments as history', () => {
    const built = build(openai(), [turn('q1', 'a1', [util])], 'q2');
    assert.ok(built.ok);
    assert.equal(built.request.messages[0]?.content, userMessage('q1', [util]));
  });

  it('OpenAI-compatible: the system prompt is the first message, and counts toward the budget', () => {
    const built = build(openai({ systemPrompt: '  Answer in Italian.  ' }), [turn('q1', 'a1')], 'q2');
    assert.ok(built.ok);
    assert.deepEqual(built.request.messages[0], { role: 'system', content: 'Answer in Italian.' });
    assert.equal(built.plan.used, estimateTokens('Answer in Italian.') + estimateTokens('q2'));
    assert.equal(buildOpenAiRequest(openai(), built.request, 'oa').messages[0]?.role, 'system');
  });

  it('Emma: the system prompt goes in front of the message, and 4,500 characters in all pass while 4,501 are refused', () => {
    const system = 'Rispondi in italiano.';
    const room = 4500 - system.length - 2; // "system\n\nmessage"
    const fits = build(emma(system), [], 'x'.repeat(room));
    assert.ok(fits.ok);
    assert.equal(fits.plan.used, 4500);
    // What Emma receives is exactly what was counted, and the adapter accepts it.
    assert.equal([...buildEmmaRequest(emma(system), fits.request).message].length, 4500);
    const over = build(emma(system), [], 'x'.repeat(room + 1));
    assert.equal(over.ok, false);
    assert.deepEqual({ used: over.plan.used, limit: over.plan.limit, fits: over.plan.fits }, { used: 4501, limit: 4500, fits: false });
  });

  it('Emma: counts code points (an emoji is one character) and the attachments', () => {
    assert.ok(build(emma(), [], '😀'.repeat(4500)).ok);
    assert.equal(build(emma(), [], '😀'.repeat(4501)).ok, false);
    const block = attachmentBlock(util);
    const question = 'y'.repeat(4500 - block.length - 2);
    assert.ok(build(emma(), [], question, [util]).ok);
    const over = build(emma(), [], `${question}y`, [util]);
    assert.equal(over.ok, false);
    assert.deepEqual(over.plan.largest, { name: 'util.ts', used: block.length });
  });

  it('Emma: at most 6 earlier turns, oldest left out first, with a note', () => {
    const earlier = Array.from({ length: 8 }, (_, i) => turn(`q${i + 1}`, `a${i + 1}`));
    const built = build(emma(), earlier, 'q9');
    assert.ok(built.ok);
    assert.deepEqual(built.request.messages.filter((m) => m.role === 'user').map((m) => m.content), ['q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9']);
    assert.deepEqual([built.plan.historyTurns, built.plan.historyLeftOut], [6, 2]);
    assert.match(built.notes[0] ?? '', /2 older turns were left out/);
  });

  it('token window: history fills what the message leaves, newest first, and the note says how many were left out', () => {
    const profile = openai({ contextWindow: 1000 }); // reply reserve 250 → 750 tokens for the input
    assert.equal(budgetFor(profile).limit, 750);
    const earlier = [turn('a'.repeat(1600), 'ok'), turn('b'.repeat(800), 'ok'), turn('c'.repeat(800), 'ok')];
    // each later pair costs 200 + 1 tokens; the message 100 → 100 + 201 + 201 = 502, the oldest (401) does not fit.
    const built = build(profile, earlier, 'q'.repeat(400));
    assert.ok(built.ok);
    assert.deepEqual([built.plan.used, built.plan.historyTurns, built.plan.historyLeftOut], [100, 2, 1]);
    assert.match(built.notes[0] ?? '', /1 older turn was left out to fit the model’s context window of 1,000 tokens/);
    assert.deepEqual(built.request.messages.map((m) => m.content[0]), ['b', 'o', 'c', 'o', 'q']);
  });

  it('token window: exactly the limit passes, one token more is refused (nothing is cut)', () => {
    const profile = openai({ contextWindow: 1000 });
    assert.ok(build(profile, [], 'x'.repeat(750 * 4)).ok);
    const over = build(profile, [], 'x'.repeat(750 * 4 + 1));
    assert.equal(over.ok, false);
    assert.deepEqual([over.plan.used, over.plan.limit], [751, 750]);
  });

  it('estimates tokens as ⌈ASCII ÷ 4⌉ + 1 per other character', () => {
    assert.equal(estimateTokens(''), 0);
    assert.equal(estimateTokens('abcd'), 1);
    assert.equal(estimateTokens('abcde'), 2);
    assert.equal(estimateTokens('你好'), 2);
    assert.equal(estimateTokens('caffè'), 2); // 4 ASCII → 1, è → 1
  });

  it('defaults the context window per preset (by server) and the reply reserve from maxTokens', () => {
    assert.equal(defaultContextWindow(openai({ baseUrl: 'https://api.openai.com/v1' })), 128_000);
    assert.equal(defaultContextWindow(openai({ baseUrl: 'https://api.ecovai.cn/v1' })), 8_192);
    assert.equal(defaultContextWindow(openai()), DEFAULT_CONTEXT_WINDOW);
    assert.equal(defaultContextWindow({ id: 's', kind: 'secondme', instanceId: 'i' }), 8_192);
    assert.equal(budgetFor(openai({ contextWindow: 32_000, options: { maxTokens: 1000 } })).limit, 31_000);
    assert.equal(budgetFor(openai({ contextWindow: 128_000 })).limit, 128_000 - 4096);
    assert.deepEqual(budgetFor(emma()), { unit: 'characters', limit: 4500, historySharesLimit: false, maxHistoryTurns: 6 });
  });
});
