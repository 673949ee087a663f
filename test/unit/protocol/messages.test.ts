import assert from 'node:assert/strict';
import {
  HostMessageSchema,
  WebviewMessageSchema,
  parseHostMessage,
  parseWebviewMessage,
  type HostMessage,
  type WebviewMessage,
} from '../../../src/protocol/messages';
import type { ViewState } from '../../../src/protocol/model';

const state: ViewState = {
  conversation: {
    id: 'c1',
    title: 'Hello',
    createdAt: 1,
    updatedAt: 2,
    turns: [
      {
        id: 't1',
        prompt: 'Hi',
        notes: [],
        createdAt: 1,
        reply: { text: 'Hello', status: 'done', providerId: 'emma', providerLabel: 'Emma', model: 'emma-5', startedAt: 1, outputTokens: 3, ttftMs: 80 },
      },
    ],
  },
  providers: [{ id: 'emma', label: 'Emma', kind: 'emma', model: 'emma-5' }],
  activeProviderId: 'emma',
  history: { visible: false, query: '', items: [] },
};

describe('protocol', () => {
  it('accepts every well-formed host message', () => {
    const valid: HostMessage[] = [
      { type: 'init', strings: { send: 'Send' }, state },
      { type: 'conversation', conversation: state.conversation },
      { type: 'turnAdded', conversationId: 'c1', turn: { id: 't2', prompt: 'More?', notes: [], createdAt: 3 } },
      { type: 'turnUpdated', conversationId: 'c1', turn: { id: 't1', prompt: 'Hi', notes: [], createdAt: 1 } },
      { type: 'turnsRemoved', conversationId: 'c1', fromTurnId: 't1' },
      { type: 'providers', providers: state.providers },
      { type: 'reply', turnId: 't1', reply: { text: '', status: 'streaming', providerId: 'emma', providerLabel: 'Emma', startedAt: 5 } },
      { type: 'replyDelta', turnId: 't1', text: 'abc' },
      { type: 'replyReplace', turnId: 't1', text: 'abc' },
      { type: 'history', visible: true, query: 'x', items: [{ id: 'c1', title: 'Hello', updatedAt: 2, turnCount: 1, snippet: 'x' }] },
      { type: 'notice', level: 'warning', text: 'A file was set aside' },
      { type: 'focusInput' },
      { type: 'saveStatus', conversationId: 'c1', problem: 'Not saved: disk full — retrying' },
      { type: 'saveStatus', conversationId: 'c1' },
      { type: 'history', visible: true, query: '', items: [{ id: 'c2', title: 'Later', updatedAt: 3, turnCount: 0, savedByNewerVersion: true }] },
    ];
    for (const message of valid) assert.deepEqual(parseHostMessage(message), { ok: true, message });
  });

  it('accepts every well-formed webview message', () => {
    const valid: WebviewMessage[] = [
      { type: 'ready' },
      { type: 'send', text: 'hello' },
      { type: 'stop' },
      { type: 'regenerate', turnId: 't1' },
      { type: 'editResend', turnId: 't1', text: 'new' },
      { type: 'errorAction', turnId: 't1', action: 'retry' },
      { type: 'setupAction', action: 'setApiKey' },
      { type: 'selectProvider', providerId: 'emma' },
      { type: 'selectModel', providerId: 'emma', model: 'emma-4' },
      { type: 'newChat' },
      { type: 'codeAction', action: 'diff', code: 'x = 1', language: 'python' },
      { type: 'copyText', text: 'x' },
      { type: 'openLink', href: 'https://example.com' },
      { type: 'historyToggle', visible: true },
      { type: 'historySearch', query: 'regex' },
      { type: 'historyOpen', id: 'c1' },
      { type: 'historyRename', id: 'c1' },
      { type: 'historyDelete', id: 'c1' },
      { type: 'historyExport', id: 'c1' },
      { type: 'saveAction', conversationId: 'c1', action: 'retry' },
      { type: 'saveAction', conversationId: 'c1', action: 'export' },
    ];
    for (const message of valid) assert.deepEqual(parseWebviewMessage(message), { ok: true, message });
  });

  it('rejects malformed messages with a reason that names the field, never its value', () => {
    const invalid: unknown[] = [
      null,
      'ready',
      42,
      {},
      { type: 'nope' },
      { type: 'send' },
      { type: 'send', text: '' },
      { type: 'send', text: 5 },
      { type: 'codeAction', action: 'rm -rf', code: 'x', language: '' },
      { type: 'errorAction', turnId: 't1', action: 'deleteEverything' },
      { type: 'regenerate', turnId: '' },
      { type: 'selectModel', providerId: 'emma', model: '' },
      { type: 'saveAction', conversationId: 'c1', action: 'deleteAll' },
      { type: 'saveAction', action: 'retry' },
    ];
    for (const message of invalid) assert.equal(parseWebviewMessage(message).ok, false, JSON.stringify(message));
    const result = parseHostMessage({ type: 'replyDelta', turnId: 't1', text: { secret: 'value-123' } });
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.match(result.error, /replyDelta.*text/);
      assert.doesNotMatch(result.error, /value-123/);
    }
    assert.equal(parseHostMessage({ type: 'reply', turnId: 't1', reply: { status: 'sideways' } }).ok, false);
  });

  it('turn changes name their conversation and carry a whole, valid turn (or the id removal starts from)', () => {
    const turn = { id: 't2', prompt: 'More?', notes: [], createdAt: 3 };
    const invalid: unknown[] = [
      { type: 'turnAdded', turn },
      { type: 'turnAdded', conversationId: '', turn },
      { type: 'turnAdded', conversationId: 'c1' },
      { type: 'turnAdded', conversationId: 'c1', turn: { ...turn, id: '' } },
      { type: 'turnAdded', conversationId: 'c1', turn: { id: 't2', prompt: 'More?' } },
      { type: 'turnAdded', conversationId: 'c1', turn: { ...turn, reply: { text: 'x', status: 'sideways' } } },
      { type: 'turnAdded', conversationId: 'c1', turn, conversation: state.conversation },
      { type: 'turnUpdated', conversationId: 'c1', turn: { ...turn, notes: 'not a list' } },
      { type: 'turnsRemoved', conversationId: 'c1' },
      { type: 'turnsRemoved', conversationId: 'c1', fromTurnId: '' },
      { type: 'turnsRemoved', conversationId: 'c1', fromTurnId: 't1', count: 3 },
    ];
    for (const message of invalid) assert.equal(parseHostMessage(message).ok, false, JSON.stringify(message));
    const result = parseHostMessage({ type: 'turnAdded', conversationId: 'c1', turn: { ...turn, prompt: 42 } });
    assert.deepEqual(result, { ok: false, error: 'invalid message "turnAdded" at turn.prompt' });
    // A key smuggled into the turn (or its reply) makes the whole message invalid.
    assert.equal(parseHostMessage({ type: 'turnAdded', conversationId: 'c1', turn: { ...turn, apiKey: 'sk-1' } }).ok, false);
    const withReply = { ...turn, reply: { ...state.conversation.turns[0]?.reply, token: 'sk-1' } };
    assert.equal(parseHostMessage({ type: 'turnUpdated', conversationId: 'c1', turn: withReply }).ok, false);
  });

  it('rejects an extra field anywhere, so a key cannot ride along', () => {
    assert.equal(parseWebviewMessage({ type: 'send', text: 'hi', apiKey: 'sk-123' }).ok, false);
    assert.equal(parseHostMessage({ type: 'providers', providers: [{ id: 'e', label: 'E', kind: 'emma', apiKey: 'sk-1' }] }).ok, false);
    const withKey = structuredClone(state) as unknown as { conversation: { turns: Array<{ reply: Record<string, unknown> }> } };
    const reply = withKey.conversation.turns[0]?.reply;
    assert.ok(reply);
    reply.key = 'sk-1';
    assert.equal(parseHostMessage({ type: 'init', strings: {}, state: withKey }).ok, false);
  });

  it('no message type in either direction has a field that could carry a key', () => {
    const fieldNames = new Set<string>();
    const seen = new Set<unknown>();
    type Schema = { _zod: { def: Record<string, unknown>; innerType?: Schema } };
    const walk = (schema: Schema): void => {
      if (seen.has(schema)) return;
      seen.add(schema);
      const def = schema._zod.def;
      // A z.lazy schema (built on first use): walk what it builds.
      if (def.type === 'lazy' && schema._zod.innerType) walk(schema._zod.innerType);
      if (def.type === 'object') {
        for (const [name, child] of Object.entries(def.shape as Record<string, Schema>)) {
          fieldNames.add(name);
          walk(child);
        }
      }
      for (const key of ['element', 'innerType', 'valueType', 'keyType', 'in', 'out']) {
        if (def[key]) walk(def[key] as Schema);
      }
      if (Array.isArray(def.options)) for (const option of def.options as Schema[]) walk(option);
    };
    walk(HostMessageSchema as unknown as Schema);
    walk(WebviewMessageSchema as unknown as Schema);
    // The walk really reached nested objects (replies, providers, history items).
    for (const expected of ['outputTokens', 'providerLabel', 'turnCount', 'strings']) assert.ok(fieldNames.has(expected), expected);
    const suspicious = [...fieldNames].filter((name) => /key|secret|password|credential|auth|bearer/i.test(name));
    assert.deepEqual(suspicious, []);
  });
});
