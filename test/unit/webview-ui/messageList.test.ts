// The chat view's list of turns (Chromium): opening a long conversation
// renders only the replies near the viewport, restores a long reply over
// several frames, keeps unchanged turns when the conversation is sent again,
// and lets finished turns skip style and layout (content-visibility).
// Structural counts only: no wall-clock thresholds.
import assert from 'node:assert/strict';
import { inPage, useRendererPage } from './rendererPage';
import { longReply } from './markdownSamples';

type Opened = {
  syncLastChars: number;
  lastReplyChars: number;
  settled: boolean;
  renderedAfterOpen: number;
  atBottom: number;
  firstRendered: boolean;
  lastIdentical: boolean;
  finishedTurnStyle: string;
};

describe('message list: rendering bounded by the viewport (Chromium)', function () {
  this.timeout(180_000);
  const renderer = useRendererPage();
  afterEach(async () => {
    await inPage(renderer().page, 'unmount');
  });

  it('opening 300 turns of 20 KB renders only the replies near the viewport; older ones when scrolled to', async () => {
    const r = await inPage<Opened>(renderer().page, 'openConversation', { turns: 300, reply: longReply(20_000) });
    assert.ok(r.settled, 'the list settles');
    assert.ok(r.renderedAfterOpen >= 1, 'the last reply is rendered');
    assert.ok(r.renderedAfterOpen <= 30, `${r.renderedAfterOpen} of 300 replies rendered after opening`);
    assert.ok(r.atBottom <= 2, `the list opens at its end (${r.atBottom}px from the bottom)`);
    assert.ok(r.firstRendered, 'scrolling to the top renders the first reply');
    assert.ok(r.lastIdentical, 'the restored reply equals a whole render');
  });

  it('opening 1,000 turns builds the newest turn shells at once and the older ones over frames, a bounded number per frame', async () => {
    type Shells = { syncShells: number; newestFirst: boolean; frames: number; largestFrame: number; inOrder: boolean; againCount: number };
    const r = await inPage<Shells>(renderer().page, 'openShells', { turns: 1000, reply: 'Short reply.' });
    assert.ok(r.syncShells >= 1 && r.syncShells <= 64, `${r.syncShells} shells built by show()`);
    assert.ok(r.newestFirst, 'the newest turn is among them');
    assert.ok(r.frames >= 2, `the older shells took ${r.frames} frames`);
    assert.ok(r.largestFrame < 1000 - r.syncShells, `at most ${r.largestFrame} shells in one frame`);
    assert.ok(r.inOrder, 'all 1,000 turns end up in the list, in order');
    assert.equal(r.againCount, 1001, 'a new question before the older shells are built keeps every turn once');
  });

  it('restores a long reply over several frames, not in one task', async () => {
    const r = await inPage<Opened>(renderer().page, 'openConversation', { turns: 2, reply: longReply(400_000) });
    assert.ok(r.lastReplyChars > 400_000);
    assert.ok(r.syncLastChars < r.lastReplyChars / 4, `${r.syncLastChars} of ${r.lastReplyChars} characters rendered in the task that opened it`);
    assert.ok(r.settled);
    assert.ok(r.lastIdentical, 'once restored it equals a whole render');
  });

  it('finished turns skip style and layout while off screen (content-visibility: auto)', async () => {
    const r = await inPage<Opened>(renderer().page, 'openConversation', { turns: 3, reply: 'Short reply.' });
    assert.equal(r.finishedTurnStyle, 'auto');
  });

  it('turn changes while the older shells are still to be built land on the right turns, and every shell ends up built once, in order', async () => {
    type Changes = { pendingAtFirst: number; applied: boolean[]; ids: string[]; updatedText: string; updatedHasAnswer: boolean; regenerateOn: string[] };
    const r = await inPage<Changes>(renderer().page, 'changesWhileOpening', { turns: 1000, reply: 'Short reply.', update: 10, removeFrom: 500 });
    assert.ok(r.pendingAtFirst > 500, `${r.pendingAtFirst} shells still to be built when the changes came`);
    assert.deepEqual(r.applied, [true, true, true, false], 'added, updated, removed; a turn for another conversation is refused');
    assert.deepEqual(r.ids, Array.from({ length: 500 }, (_, i) => `t${i}`), 't0–t499: the asked turn went with the removed ones after it');
    assert.equal(r.updatedText, 'Regenerated question');
    assert.equal(r.updatedHasAnswer, false);
    assert.deepEqual(r.regenerateOn, ['t499'], 'Regenerate on the new last turn only');
  });

  it('a new question keeps the views of the turns before it', async () => {
    const r = await inPage<{ before: number; after: number; kept: number }>(renderer().page, 'addTurn', { turns: 40, reply: longReply(5_000) });
    assert.deepEqual(r, { before: 40, after: 41, kept: 40 });
  });
});
