// Incremental conversation updates in the built chat view (dist/webview.js) in
// Chromium: a turn asked, regenerated or edited & resent changes that turn
// alone; every other turn keeps its DOM node. Structural counts only (turn
// elements added, rebuilt, kept), no wall-clock thresholds.
import assert from 'node:assert/strict';
import type { Conversation, Reply, Turn, ViewState } from '../../../src/protocol/model';
import { STRINGS, useChatPage } from './chatPage';
import { readTurnWatch, startTurnWatch } from './turnWatch';
import { longReply } from '../webview-ui/markdownSamples';

function reply(text: string, partial: Partial<Reply> = {}): Reply {
  return { text, status: 'done', providerId: 'sim', providerLabel: 'Simulator', startedAt: 1, ...partial };
}

function turn(id: string, withReply = true): Turn {
  return { id, prompt: `Question ${id}`, notes: [], createdAt: 1, ...(withReply ? { reply: reply(`## Answer ${id}\n\nSome *text* for ${id}.`) } : {}) };
}

function conversation(turns: number, id = 'c1'): Conversation {
  return { id, title: 'Long', createdAt: 1, updatedAt: 1, turns: Array.from({ length: turns }, (_, i) => turn(`t${i}`)) };
}

function state(c: Conversation): ViewState {
  return { conversation: c, providers: [{ id: 'sim', label: 'Simulator', kind: 'openai-compatible' }], activeProviderId: 'sim', history: { visible: false, query: '', items: [] } };
}

describe('chat view in Chromium: incremental turn updates', function () {
  this.timeout(120_000);
  const chat = useChatPage(async ({ page }) => {
    await page.setViewportSize({ width: 400, height: 700 });
  });

  /** Opens a conversation and waits until every turn's shell is built (older ones come over frames). */
  async function open(c: Conversation): Promise<void> {
    await chat().send({ type: 'init', strings: STRINGS, state: state(c) });
    await chat().page.waitForFunction(`document.querySelectorAll('.messages .turn').length === ${c.turns.length}`, undefined, { timeout: 60_000 });
    await chat().frames();
  }

  const ids = () => chat().page.locator('.messages .turn').evaluateAll((turns) => turns.map((t) => t.getAttribute('data-turn-id')));
  const regenerateButtons = () => chat().page.locator('[data-turn-action="regenerate"]').evaluateAll((buttons) => buttons.map((b) => b.closest('.turn')?.getAttribute('data-turn-id')));

  it('a question asked in a 200-turn conversation adds one turn element; the 200 others stay the same nodes, none rebuilt', async () => {
    await open(conversation(200));
    await startTurnWatch(chat().page);
    await chat().send({ type: 'turnAdded', conversationId: 'c1', turn: { ...turn('new', false), prompt: 'One more question' } });
    const watch = await readTurnWatch(chat().page);
    assert.equal(watch.turns, 201);
    assert.equal(watch.added, 1, 'one turn element built');
    assert.equal(watch.kept, 200, 'every earlier turn element is still there, the same node');
    assert.equal(watch.rerendered, 0, 'no earlier question or reply rebuilt');
    // Only the turn that stopped being the last one changed at all: it lost its Regenerate button.
    assert.equal(watch.touched, 1);
    assert.deepEqual(await regenerateButtons(), []);
    assert.equal((await ids()).at(-1), 'new');
    assert.equal(await chat().page.locator('.turn[data-turn-id="new"] .question-text').innerText(), 'One more question');

    // Its reply streams into it as before; once done, the Regenerate button is on it alone.
    await chat().send({ type: 'reply', turnId: 'new', reply: reply('', { status: 'streaming' }) });
    assert.ok(await chat().page.locator('button.stop').isVisible(), 'Stop shows while it streams');
    await chat().send({ type: 'replyDelta', turnId: 'new', text: 'Streamed **answer**' });
    await chat().send({ type: 'reply', turnId: 'new', reply: reply('Streamed **answer**') });
    await chat().frames();
    assert.equal(await chat().page.locator('.turn[data-turn-id="new"] .reply-body').innerText(), 'Streamed answer');
    assert.deepEqual(await regenerateButtons(), ['new']);
    assert.ok(await chat().page.locator('button.send').isVisible());
    const after = await readTurnWatch(chat().page);
    assert.equal(after.kept, 200);
    assert.equal(after.rerendered, 0, 'the stream touched no earlier reply');
  });

  it('the turn that stops being the last keeps its height off screen, so no older turn is pulled near the viewport and rendered', async () => {
    const c = conversation(40);
    for (const t of c.turns) (t.reply as Reply).text = `## ${t.id}\n\n${longReply(4_000)}`;
    await open(c);
    const height = () => chat().page.locator('.turn[data-turn-id="t39"]').evaluate((t) => t.getBoundingClientRect().height);
    const rendered = () => chat().page.locator('.messages .turn .parley-markdown').count();
    const before = { height: await height(), rendered: await rendered() };
    await startTurnWatch(chat().page);
    await chat().send({ type: 'turnAdded', conversationId: 'c1', turn: turn('new', false) });
    await chat().frames();
    const after = await height();
    // Not the 400 px placeholder of a turn never rendered (a few px may differ: off screen, its remembered size stands in).
    assert.ok(Math.abs(after - before.height) < 40, `the previous last turn was ${before.height}px high, now ${after}px`);
    assert.equal(await rendered(), before.rendered, 'no other reply was rendered');
    const watch = await readTurnWatch(chat().page);
    assert.equal(watch.added + watch.rerendered, 1, 'one turn rendered: the new one');
  });

  it('regenerate: the turns after the question are removed and the question shown anew; the turns before keep their nodes', async () => {
    await open(conversation(6));
    await startTurnWatch(chat().page);
    await chat().send({ type: 'turnsRemoved', conversationId: 'c1', fromTurnId: 't4' });
    await chat().send({ type: 'turnUpdated', conversationId: 'c1', turn: turn('t3', false) });
    const watch = await readTurnWatch(chat().page);
    assert.deepEqual(await ids(), ['t0', 't1', 't2', 't3']);
    assert.equal(watch.kept, 3, 't0–t2 are the same nodes (t3 is built anew, t4 and t5 are gone)');
    assert.equal(watch.added, 1);
    assert.equal(watch.rerendered, 0);
    assert.ok(await chat().page.locator('.turn[data-turn-id="t3"] .answer').isHidden(), 'its old reply is gone');
    await chat().send({ type: 'reply', turnId: 't3', reply: reply('', { status: 'streaming' }) });
    await chat().send({ type: 'reply', turnId: 't3', reply: reply('A new answer') });
    await chat().frames();
    assert.equal(await chat().page.locator('.turn[data-turn-id="t3"] .reply-body').innerText(), 'A new answer');
    assert.deepEqual(await regenerateButtons(), ['t3']);
  });

  it('edit & resend: the edited turn and those after it go, the new question follows; editing the first leaves no empty state behind', async () => {
    await open(conversation(4));
    await startTurnWatch(chat().page);
    await chat().send({ type: 'turnsRemoved', conversationId: 'c1', fromTurnId: 't2' });
    assert.deepEqual(await regenerateButtons(), ['t1'], 'the new last turn offers Regenerate');
    await chat().send({ type: 'turnAdded', conversationId: 'c1', turn: { ...turn('edited', false), prompt: 'Edited question' } });
    assert.deepEqual(await ids(), ['t0', 't1', 'edited']);
    assert.equal((await readTurnWatch(chat().page)).kept, 2);
    assert.deepEqual(await regenerateButtons(), []);

    await chat().send({ type: 'turnsRemoved', conversationId: 'c1', fromTurnId: 't0' });
    assert.equal(await chat().page.locator('.empty-state').count(), 1, 'nothing left: the empty state');
    await chat().send({ type: 'turnAdded', conversationId: 'c1', turn: turn('first', false) });
    assert.deepEqual(await ids(), ['first']);
    assert.equal(await chat().page.locator('.empty-state').count(), 0);
  });

  it('a whole conversation with the id shown keeps the nodes of unchanged turns; another id replaces them all', async () => {
    const c = conversation(10);
    await open(c);
    await startTurnWatch(chat().page);
    const grown = structuredClone(c);
    (grown.turns[5] as Turn).prompt = 'Changed question';
    grown.turns.push(turn('t10', false));
    await chat().send({ type: 'conversation', conversation: grown });
    const same = await readTurnWatch(chat().page);
    assert.equal(same.turns, 11);
    assert.equal(same.kept, 9, 'all but the changed turn');
    assert.equal(same.added, 2, 'the changed turn and the new one');

    await startTurnWatch(chat().page);
    await chat().send({ type: 'conversation', conversation: conversation(3, 'c2') });
    const other = await readTurnWatch(chat().page);
    assert.equal(other.kept, 0);
    assert.deepEqual(await ids(), ['t0', 't1', 't2']);
  });

  it('changes for a conversation not shown, or a turn it does not have, are dropped with a console warning', async () => {
    await open(conversation(3));
    const before = await chat().page.locator('#root').innerHTML();
    chat().warnings.length = 0;
    await chat().send({ type: 'turnAdded', conversationId: 'other', turn: turn('x', false) });
    await chat().send({ type: 'turnUpdated', conversationId: 'c1', turn: turn('nope') });
    await chat().send({ type: 'turnsRemoved', conversationId: 'c1', fromTurnId: 'nope' });
    await chat().send({ type: 'turnAdded', conversationId: 'c1', turn: turn('t1') });
    assert.equal(await chat().page.locator('#root').innerHTML(), before);
    assert.equal(chat().warnings.length, 4);
  });
});
