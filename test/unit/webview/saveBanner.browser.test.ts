// The save-failure banner and the newer-version history entry, in the built
// chat view (dist/webview.js) in Chromium.
import assert from 'node:assert/strict';
import type { Conversation, ViewState } from '../../../src/protocol/model';
import { STRINGS, useChatPage } from './chatPage';

function conversation(id: string): Conversation {
  return {
    id,
    title: `Conversation ${id}`,
    createdAt: 1,
    updatedAt: 1,
    turns: [{ id: `${id}-t1`, prompt: 'q', notes: [], createdAt: 1, reply: { text: 'a', status: 'done', providerId: 'p', providerLabel: 'P', startedAt: 1 } }],
  };
}

function state(c: Conversation, history: ViewState['history'] = { visible: false, query: '', items: [] }): ViewState {
  return { conversation: c, providers: [], history };
}

describe('chat view in Chromium: save banner and newer-version entries', function () {
  this.timeout(60_000);
  const chat = useChatPage();

  it('shows the banner on the conversation whose saves fail, with Retry and Export, and removes it when a save succeeds', async () => {
    await chat().send({ type: 'init', strings: STRINGS, state: state(conversation('c1')) });
    const banner = chat().page.locator('.save-banner');
    assert.ok(await banner.isHidden());
    await chat().send({ type: 'saveStatus', conversationId: 'c1', problem: 'Not saved: disk full — retrying' });
    assert.equal(await banner.getAttribute('role'), 'alert');
    assert.equal(await banner.locator('.save-banner-text').innerText(), 'Not saved: disk full — retrying');
    await chat().clearPosted();
    await banner.getByRole('button', { name: '«action.retry»' }).click();
    await banner.getByRole('button', { name: '«history.export»' }).click();
    assert.deepEqual(await chat().posted(), [
      { type: 'saveAction', conversationId: 'c1', action: 'retry' },
      { type: 'saveAction', conversationId: 'c1', action: 'export' },
    ]);
    await chat().send({ type: 'saveStatus', conversationId: 'c1' });
    assert.ok(await banner.isHidden());
  });

  it('follows the conversation on screen: another conversation’s failure shows only when that one is shown', async () => {
    await chat().send({ type: 'init', strings: STRINGS, state: state(conversation('c1')) });
    const banner = chat().page.locator('.save-banner');
    await chat().send({ type: 'saveStatus', conversationId: 'other', problem: 'Not saved: disk full — retrying' });
    assert.ok(await banner.isHidden());
    await chat().send({ type: 'conversation', conversation: conversation('other') });
    assert.ok(await banner.isVisible());
    await chat().send({ type: 'conversation', conversation: conversation('c1') });
    assert.ok(await banner.isHidden());
  });

  it('lists a conversation saved by a newer Parley with its label, and offers only Open (no rename, export or delete); an unsaved one is labelled too', async () => {
    const items = [
      { id: 'future', title: 'From the future', updatedAt: 5, turnCount: 0, savedByNewerVersion: true },
      { id: 'today', title: 'Today', updatedAt: 4, turnCount: 1 },
      { id: 'unsaved', title: 'Unsaved', updatedAt: 3, turnCount: 1, notSaved: true },
    ];
    await chat().send({ type: 'init', strings: STRINGS, state: state(conversation('c1'), { visible: true, query: '', items }) });
    const future = chat().page.locator('.history-item[data-conversation-id="future"]');
    assert.match(await future.innerText(), /«history\.newer»/);
    assert.equal(await future.locator('[data-history-action]').count(), 1);
    assert.equal(await chat().page.locator('.history-item[data-conversation-id="today"] [data-history-action]').count(), 4);
    assert.doesNotMatch(await chat().page.locator('.history-item[data-conversation-id="today"]').innerText(), /«history\.newer»|«history\.notSaved»/);
    assert.match(await chat().page.locator('.history-item[data-conversation-id="unsaved"]').innerText(), /«history\.notSaved»/);
    await chat().clearPosted();
    await future.locator('[data-history-action="historyOpen"]').click();
    assert.deepEqual(await chat().posted(), [{ type: 'historyOpen', id: 'future' }]);
  });
});
