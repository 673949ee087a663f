import assert from 'node:assert/strict';
import type { Conversation, Reply, ViewState } from '../../../src/protocol/model';
import { STRINGS, useChatPage, type PageGlobals } from './chatPage';

const EMMA = { id: 'emma', label: 'Emma', kind: 'emma' as const, model: 'emma-5' };
const ECOVAI = { id: 'ecovai', label: 'ecovai', kind: 'openai-compatible' as const, model: 'spark-v3' };

function reply(partial: Partial<Reply> = {}): Reply {
  return { text: '', status: 'done', providerId: 'emma', providerLabel: 'Emma', model: 'emma-5', startedAt: 1, ...partial };
}

function conversation(turns: Conversation['turns'] = []): Conversation {
  return { id: 'c1', title: 'Test', createdAt: 1, updatedAt: 1, turns };
}

function state(partial: Partial<ViewState> = {}): ViewState {
  return {
    conversation: conversation(),
    providers: [EMMA, ECOVAI],
    activeProviderId: 'emma',
    history: { visible: false, query: '', items: [] },
    ...partial,
  };
}

const oneTurn = conversation([
  {
    id: 't1',
    prompt: 'What is 2+2?',
    notes: [],
    createdAt: 1,
    reply: reply({ text: 'It is 4.\n\n```python\nprint(2 + 2)\n```\n', promptTokens: 12, outputTokens: 9, ttftMs: 345 }),
  },
]);

describe('chat view in Chromium (dist/webview.js)', function () {
  this.timeout(60_000);
  const chat = useChatPage();

  it('posts ready first and nothing else before init', async () => {
    assert.deepEqual(await chat().posted(), [{ type: 'ready' }]);
    assert.equal(await chat().page.locator('.composer-input').count(), 0);
  });

  it('init renders the empty state with buttons that run the setup commands, and the provider picker', async () => {
    await chat().send({ type: 'init', strings: STRINGS, state: state() });
    await chat().page.locator('.empty-state').waitFor();
    assert.match(await chat().page.locator('.empty-state').innerText(), /«empty.step1»/);
    await chat().clearPosted();
    await chat().page.click('[data-setup-action="manageProviders"]');
    await chat().page.click('[data-setup-action="setApiKey"]');
    assert.deepEqual(await chat().posted(), [
      { type: 'setupAction', action: 'manageProviders' },
      { type: 'setupAction', action: 'setApiKey' },
    ]);
    assert.deepEqual(await chat().page.locator('.provider-picker option').allInnerTexts(), ['Emma · emma-5', 'ecovai · spark-v3']);
    await chat().page.selectOption('.provider-picker', 'ecovai');
    assert.deepEqual((await chat().posted()).at(-1), { type: 'selectProvider', providerId: 'ecovai' });
  });

  it('offers the active provider\'s models in a model picker and posts the choice; hides it when there is no choice', async () => {
    const emma = { ...EMMA, models: ['emma-5', 'emma-4', 'emma-3'] };
    const ecovai = { ...ECOVAI, models: ['spark-v3'] };
    await chat().send({ type: 'init', strings: STRINGS, state: state({ providers: [emma, ecovai] }) });
    const picker = chat().page.locator('.model-picker');
    await picker.waitFor({ state: 'visible' });
    assert.equal(await picker.getAttribute('aria-label'), '«model.label»');
    assert.deepEqual(await picker.locator('option').allInnerTexts(), ['emma-5', 'emma-4', 'emma-3']);
    assert.equal(await picker.inputValue(), 'emma-5');
    await chat().clearPosted();
    await picker.selectOption('emma-4');
    assert.deepEqual(await chat().posted(), [{ type: 'selectModel', providerId: 'emma', model: 'emma-4' }]);
    // The host answers with the providers: now ecovai is active, with a single model.
    await chat().send({ type: 'providers', providers: [emma, ecovai], activeProviderId: 'ecovai' });
    await picker.waitFor({ state: 'hidden' });
  });

  it('renders a saved conversation with its footer: provider, model, tokens, time to first token', async () => {
    await chat().send({ type: 'init', strings: STRINGS, state: state({ conversation: oneTurn }) });
    await chat().frames();
    assert.equal(await chat().page.locator('.question-text').innerText(), 'What is 2+2?');
    assert.match(await chat().page.locator('.reply-body').innerText(), /It is 4\./);
    assert.equal(await chat().page.locator('.reply-footer').innerText(), 'Emma · emma-5 · 12 in · 9 out · ttft 345 ms');
  });

  it('a footer shows the total when the API reported one, and no counts at all when it reported none', async () => {
    const twoTurns = conversation([
      { id: 't1', prompt: 'With usage', notes: [], createdAt: 1, reply: reply({ text: 'A', promptTokens: 12, outputTokens: 9, totalTokens: 21 }) },
      { id: 't2', prompt: 'Without usage', notes: [], createdAt: 2, reply: reply({ text: 'B' }) },
    ]);
    await chat().send({ type: 'init', strings: STRINGS, state: state({ conversation: twoTurns }) });
    await chat().frames();
    const footers = chat().page.locator('.reply-footer');
    assert.equal(await footers.nth(0).innerText(), 'Emma · emma-5 · 12 in · 9 out · 21 total');
    assert.equal(await footers.nth(1).innerText(), 'Emma · emma-5');
  });

  it('streams deltas and replace events into the reply; Stop shows while streaming and posts stop', async () => {
    await chat().send({ type: 'init', strings: STRINGS, state: state({ conversation: conversation([{ id: 't1', prompt: 'Hi', notes: [], createdAt: 1 }]) }) });
    await chat().send({ type: 'reply', turnId: 't1', reply: reply({ status: 'streaming' }), contextNotes: ['2 older turns were left out'] });
    for (const piece of ['Hel', 'lo ', 'wor', 'ld']) await chat().send({ type: 'replyDelta', turnId: 't1', text: piece });
    await chat().frames();
    assert.equal(await chat().page.locator('.reply-body').innerText(), 'Hello world');
    assert.match(await chat().page.locator('.notes').innerText(), /2 older turns were left out/);
    assert.ok(await chat().page.locator('button.stop').isVisible());
    assert.ok(await chat().page.locator('button.send').isHidden());
    await chat().clearPosted();
    await chat().page.click('button.stop');
    await chat().page.focus('.composer-input');
    await chat().page.keyboard.press('Escape');
    assert.deepEqual(await chat().posted(), [{ type: 'stop' }, { type: 'stop' }]);

    await chat().send({ type: 'replyReplace', turnId: 't1', text: 'Ciao, come stai?' });
    await chat().frames();
    assert.equal(await chat().page.locator('.reply-body').innerText(), 'Ciao, come stai?');
    await chat().send({ type: 'reply', turnId: 't1', reply: reply({ status: 'stopped', text: 'Ciao, come stai?', outputTokens: 5 }) });
    assert.ok(await chat().page.locator('button.send').isVisible());
    assert.match(await chat().page.locator('.reply-status').innerText(), /«status.stopped»/);
    await chat().frames();
    assert.equal(await chat().page.locator('[role="status"][aria-live="polite"]').innerText(), '«announce.replyDone»');
    assert.equal(await chat().page.locator('.answer').getAttribute('aria-busy'), 'false');
  });

  it('Enter sends, Shift+Enter adds a new line, Up recalls the last prompt', async () => {
    await chat().send({ type: 'init', strings: STRINGS, state: state({ conversation: oneTurn }) });
    const input = chat().page.locator('.composer-input');
    await input.focus();
    await chat().page.keyboard.press('ArrowUp');
    assert.equal(await input.inputValue(), 'What is 2+2?');
    await input.fill('');
    await chat().page.keyboard.type('line one');
    await chat().page.keyboard.press('Shift+Enter');
    await chat().page.keyboard.type('line two');
    assert.equal(await input.inputValue(), 'line one\nline two');
    await chat().clearPosted();
    await chat().page.keyboard.press('Enter');
    assert.deepEqual(await chat().posted(), [{ type: 'send', text: 'line one\nline two', attachmentIds: [] }]);
    assert.equal(await input.inputValue(), '');
    await chat().page.keyboard.press('ArrowUp');
    assert.equal(await input.inputValue(), 'line one\nline two');
    // Up does nothing special when the input has text.
    await chat().page.keyboard.press('Enter');
    await chat().page.keyboard.press('Enter');
    assert.equal((await chat().posted()).length, 2, 'an empty input sends nothing');
  });

  it('when the page gets the focus with nothing focused in it (Focus Chat), the composer takes it; not after a click', async () => {
    await chat().send({ type: 'init', strings: STRINGS, state: state({ conversation: oneTurn }) });
    // Strings: they run in the page (this tsconfig has no DOM lib).
    const focused = () => chat().page.evaluate<string>(`document.activeElement?.className ?? ''`);
    const gainFocus = () => chat().page.evaluate(`document.activeElement?.blur(); window.dispatchEvent(new FocusEvent('focus'));`);
    await gainFocus();
    assert.equal(await focused(), 'composer-input');
    // A click on the reply's text (nothing focusable there) keeps the focus where the click put it.
    await chat().page.locator('.reply-body p').first().click();
    await gainFocus();
    assert.notEqual(await focused(), 'composer-input');
  });

  it('regenerate, edit & resend and copy post the right messages', async () => {
    await chat().send({ type: 'init', strings: STRINGS, state: state({ conversation: oneTurn }) });
    await chat().frames();
    await chat().clearPosted();
    await chat().page.click('.answer [data-turn-action="regenerate"]');
    await chat().page.click('.answer [data-turn-action="copyReply"]');
    await chat().page.click('.question [data-turn-action="copyQuestion"]');
    await chat().page.click('.question [data-turn-action="edit"]');
    const editor = chat().page.locator('.edit-input');
    assert.equal(await editor.inputValue(), 'What is 2+2?');
    await editor.fill('What is 3+3?');
    await chat().page.keyboard.press('Enter');
    assert.deepEqual(await chat().posted(), [
      { type: 'regenerate', turnId: 't1' },
      { type: 'copyText', text: oneTurn.turns[0]?.reply?.text },
      { type: 'copyText', text: 'What is 2+2?' },
      { type: 'editResend', turnId: 't1', text: 'What is 3+3?' },
    ]);
  });

  it('code-block buttons post the action with the code and its language', async () => {
    await chat().send({ type: 'init', strings: STRINGS, state: state({ conversation: oneTurn }) });
    await chat().frames();
    await chat().clearPosted();
    for (const action of ['copy', 'insert', 'replace', 'diff', 'newFile']) {
      await chat().page.click(`[data-action="${action}"][data-code-index="0"]`);
    }
    const posted = await chat().posted();
    assert.deepEqual(
      posted.map((m) => (m.type === 'codeAction' ? [m.action, m.code, m.language] : m.type)),
      ['copy', 'insert', 'replace', 'diff', 'newFile'].map((a) => [a, 'print(2 + 2)\n', 'python']),
    );
  });

  it('shows an error card with the action that fixes it, and keeps the partial reply', async () => {
    await chat().send({ type: 'init', strings: STRINGS, state: state({ conversation: oneTurn }) });
    await chat().send({
      type: 'reply',
      turnId: 't1',
      reply: reply({ status: 'error', text: 'Partial answ', error: { code: 'auth', message: 'Emma: the API key is missing or invalid', action: 'setApiKey' } }),
    });
    await chat().frames();
    const card = chat().page.locator('.error-card');
    assert.match(await card.innerText(), /the API key is missing or invalid/);
    assert.equal(await card.getAttribute('role'), 'alert');
    assert.match(await chat().page.locator('.reply-body').innerText(), /Partial answ/);
    await chat().clearPosted();
    await card.locator('button').click();
    assert.deepEqual(await chat().posted(), [{ type: 'errorAction', turnId: 't1', action: 'setApiKey' }]);
  });

  it('ignores invalid host messages (and says so in the console)', async () => {
    await chat().send({ type: 'init', strings: STRINGS, state: state({ conversation: oneTurn }) });
    await chat().frames();
    const before = await chat().page.locator('#root').innerHTML();
    await chat().send({ type: 'replyDelta', turnId: 't1', text: 42 });
    await chat().send({ type: 'conversation', conversation: { ...conversation(), apiKey: 'sk-canary' } });
    await chat().send({ type: 'explode' });
    await chat().send('not even an object');
    await chat().frames();
    assert.equal(await chat().page.locator('#root').innerHTML(), before);
    assert.equal(chat().warnings.length, 4);
    assert.ok(chat().warnings.every((w) => !w.includes('sk-canary')));
  });

  it('the history panel lists conversations and posts open, rename, delete, export and search', async () => {
    await chat().send({ type: 'init', strings: STRINGS, state: state() });
    await chat().clearPosted();
    await chat().page.click('[data-toolbar="history"]');
    assert.deepEqual(await chat().posted(), [{ type: 'historyToggle', visible: true }]);
    await chat().send({
      type: 'history',
      visible: true,
      query: '',
      items: [{ id: 'c9', title: 'Regex help', updatedAt: 5, turnCount: 2 }],
    });
    assert.match(await chat().page.locator('.history-list').innerText(), /Regex help/);
    await chat().clearPosted();
    const row = chat().page.locator('[data-conversation-id="c9"]');
    for (const action of ['historyOpen', 'historyRename', 'historyExport', 'historyDelete']) {
      await row.locator(`[data-history-action="${action}"]`).click();
    }
    await chat().page.locator('.history-search').fill('regex');
    await chat().page.waitForFunction(() => (globalThis as unknown as PageGlobals).__posted.some((m) => m.type === 'historySearch'));
    assert.deepEqual(await chat().posted(), [
      { type: 'historyOpen', id: 'c9' },
      { type: 'historyRename', id: 'c9' },
      { type: 'historyExport', id: 'c9' },
      { type: 'historyDelete', id: 'c9' },
      { type: 'historySearch', query: 'regex' },
    ]);
  });

  it('auto-scroll follows the stream, and stops following once the user scrolls up', async () => {
    await chat().page.setViewportSize({ width: 400, height: 300 });
    await chat().send({ type: 'init', strings: STRINGS, state: state({ conversation: conversation([{ id: 't1', prompt: 'Long?', notes: [], createdAt: 1 }]) }) });
    await chat().send({ type: 'reply', turnId: 't1', reply: reply({ status: 'streaming' }) });
    const distanceFromBottom = () =>
      chat().page.locator('.messages').evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
    for (let i = 0; i < 30; i++) await chat().send({ type: 'replyDelta', turnId: 't1', text: `line ${i}\n` });
    await chat().frames();
    assert.ok((await chat().page.locator('.messages').evaluate((el) => el.scrollHeight > el.clientHeight)), 'the list overflows');
    assert.ok((await distanceFromBottom()) <= 1, 'pinned to the bottom while streaming');

    // The user scrolls up with the mouse wheel (a scroll without user input would not stop the following).
    const box = await chat().page.locator('.messages').boundingBox();
    assert.ok(box);
    await chat().page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await chat().page.mouse.wheel(0, -100_000);
    for (let i = 0; i < 100 && (await chat().page.locator('.messages').evaluate((el) => el.scrollTop)) !== 0; i++) await chat().frames();
    for (let i = 30; i < 40; i++) await chat().send({ type: 'replyDelta', turnId: 't1', text: `line ${i}\n` });
    await chat().frames();
    assert.equal(await chat().page.locator('.messages').evaluate((el) => el.scrollTop), 0, 'left where the user scrolled');
  });

  it('links open through the host, by click and by Enter (the renderer gives them data-href, no href)', async () => {
    await chat().send({ type: 'init', strings: STRINGS, state: state({ conversation: oneTurn }) });
    await chat().frames();
    // Stand in for a renderer link inside the reply.
    await chat().page.locator('.reply-body').evaluate((body) => {
      body.insertAdjacentHTML('beforeend', '<a data-href="https://example.com/docs" tabindex="0">docs</a>');
    });
    await chat().clearPosted();
    await chat().page.click('[data-href]');
    await chat().page.focus('[data-href]');
    await chat().page.keyboard.press('Enter');
    assert.deepEqual(await chat().posted(), [
      { type: 'openLink', href: 'https://example.com/docs' },
      { type: 'openLink', href: 'https://example.com/docs' },
    ]);
  });

  it('a notice from the host (e.g. a conversation file set aside) shows and can be dismissed', async () => {
    await chat().send({ type: 'init', strings: STRINGS, state: state() });
    assert.ok(await chat().page.locator('.notice').isHidden());
    await chat().send({ type: 'notice', level: 'warning', text: 'A saved conversation could not be read and was set aside.' });
    assert.equal(await chat().page.locator('.notice-text').innerText(), 'A saved conversation could not be read and was set aside.');
    await chat().page.click('[data-notice="dismiss"]');
    assert.ok(await chat().page.locator('.notice').isHidden());
  });

  it('a markdown link in a reply (rendered by the markdown renderer) opens through the host; a javascript: link does nothing', async () => {
    const turns = [{ id: 't1', prompt: 'links?', notes: [], createdAt: 1, reply: reply({ text: 'See [the docs](https://example.com/docs) or [this](javascript:alert(1)).' }) }];
    await chat().send({ type: 'init', strings: STRINGS, state: state({ conversation: conversation(turns) }) });
    await chat().frames();
    await chat().clearPosted();
    await chat().page.getByText('the docs').click();
    // markdown-it refuses the javascript: URL, so it stays text; clicking it posts nothing.
    await chat().page.getByText('javascript:alert(1)', { exact: false }).click();
    assert.deepEqual(await chat().posted(), [{ type: 'openLink', href: 'https://example.com/docs' }]);
  });
});
