import assert from 'node:assert/strict';
import { WebviewMessageSchema, type HostMessage, type WebviewMessage } from '../../../src/protocol/messages';
import type { WebviewMessageHandlers } from '../../../src/webview/messageRouter';
import { ViewSession } from '../../../src/webview/viewSession';

const emptyState = {
  conversation: { id: 'c1', title: 'New chat', createdAt: 1, updatedAt: 1, turns: [] },
  providers: [],
  history: { visible: false, query: '', items: [] },
};

function setup(failOn?: string) {
  const delivered: HostMessage[] = [];
  const handled: WebviewMessage[] = [];
  const logs: string[] = [];
  let initCount = 0;
  const handlers = Object.fromEntries(
    WebviewMessageSchema._zod.innerType._zod.def.options.map((option) => [
      option._zod.def.shape.type._zod.def.values[0],
      (message: WebviewMessage) => {
        if (message.type === failOn) throw new Error('handler broke');
        handled.push(message);
      },
    ]),
  ) as unknown as Omit<WebviewMessageHandlers, 'ready'>;
  const session = new ViewSession({
    deliver: (m) => delivered.push(m),
    init: () => ({ type: 'init', strings: { send: `Send ${++initCount}` }, state: emptyState }),
    handlers,
    log: (line) => logs.push(line),
  });
  return { session, delivered, handled, logs, handlers };
}

describe('ViewSession (host end of the chat view page)', () => {
  it('posts nothing before ready, then init first with the state of that moment', async () => {
    const t = setup();
    t.session.post({ type: 'replyDelta', turnId: 't1', text: 'lost' });
    assert.deepEqual(t.delivered, []);
    await t.session.receive({ type: 'ready' });
    t.session.post({ type: 'replyDelta', turnId: 't1', text: 'seen' });
    assert.deepEqual(
      (t.delivered as HostMessage[]).map((m) => m.type),
      ['init', 'replyDelta'],
    );
  });

  it('posts what afterInit() hands over right after init (notices that waited for a page)', async () => {
    const waiting: HostMessage[] = [{ type: 'notice', level: 'warning', text: 'a file was set aside' }];
    const delivered: HostMessage[] = [];
    const session = new ViewSession({
      deliver: (m) => delivered.push(m),
      init: () => ({ type: 'init', strings: {}, state: emptyState }),
      afterInit: () => waiting.splice(0),
      handlers: setup().handlers,
      log: () => undefined,
    });
    await session.receive({ type: 'ready' });
    assert.deepEqual(delivered.map((m) => m.type), ['init', 'notice']);
    await session.receive({ type: 'ready' });
    assert.deepEqual(delivered.map((m) => m.type), ['init', 'notice', 'init'], 'each waiting notice is shown once');
  });

  it('after the page goes away (hidden), nothing is posted until the next ready, which brings init again', async () => {
    const t = setup();
    await t.session.receive({ type: 'ready' });
    t.session.reset();
    t.session.post({ type: 'focusInput' });
    assert.equal(t.delivered.length, 1);
    await t.session.receive({ type: 'ready' });
    assert.deepEqual(t.delivered.at(-1), { type: 'init', strings: { send: 'Send 2' }, state: emptyState });
  });

  it('routes valid messages to their handler and ignores (and logs) invalid ones', async () => {
    const t = setup();
    await t.session.receive({ type: 'send', text: 'hello' });
    await t.session.receive({ type: 'send', text: 'hello', apiKey: 'sk-canary' });
    await t.session.receive({ type: 'codeAction', action: 'format-disk', code: '', language: '' });
    await t.session.receive('ready');
    assert.deepEqual(t.handled, [{ type: 'send', text: 'hello' }]);
    assert.equal(t.logs.length, 3);
    assert.ok(t.logs.every((l) => !l.includes('sk-canary')));
  });

  it('never posts a message that does not match the protocol (e.g. one with a key field)', async () => {
    const t = setup();
    await t.session.receive({ type: 'ready' });
    t.session.post({ type: 'providers', providers: [{ id: 'e', label: 'E', kind: 'emma', apiKey: 'sk-canary' }] } as unknown as HostMessage);
    assert.deepEqual(t.delivered.map((m) => m.type), ['init']);
    assert.match(t.logs[0] ?? '', /not posting an invalid "providers"/);
  });

  it('a failing handler is logged, not thrown', async () => {
    const t = setup('newChat');
    await t.session.receive({ type: 'newChat' });
    assert.match(t.logs[0] ?? '', /"newChat" failed: handler broke/);
  });
});
