// Rendering work bounded by structure, not by luck (Chromium): a message's
// finished blocks are grouped in pages, so a frame's style, layout and paint
// work is per page; code blocks are watched for their lazy toolbars only
// near the viewport; a restore always completes and runs fewer steps after
// a frame that cost more than its budget. Counts only, no wall-clock thresholds.
import assert from 'node:assert/strict';
import { inPage, useRendererPage } from './rendererPage';
import { longReply } from './markdownSamples';

// As in src/webview-ui (segmentPages.ts, replyRestore.ts, restoreQueue.ts; DOM code the Node side does not import).
const PAGE_BLOCKS = 128;
const SLICE_CHARS = 8 * 1024;
const FIRST_FRAME_STEPS = 4;
const MAX_UPDATE_BLOCKS = 96;

type Paged = { children: number; pages: number[]; identical: boolean };

const tinyCodeBlocks = (count: number): string => Array.from({ length: count }, (_, i) => '```py\nx = ' + i + '\n```\n\n').join('');

describe('bounded rendering (Chromium)', function () {
  this.timeout(180_000);
  const renderer = useRendererPage();
  afterEach(async () => {
    await inPage(renderer().page, 'clearRoot');
  });

  it('a reply of 3,000 tiny code blocks is a few dozen pages of at most 128 blocks, not 3,000 children, and equals a whole render', async () => {
    const count = 3000;
    const r = await inPage<Paged>(renderer().page, 'pagedMessage', { text: tinyCodeBlocks(count), chunkSize: 1000 });
    assert.ok(r.identical, 'with its pages unwrapped, the message equals a whole render');
    assert.ok(r.children <= Math.ceil(count / PAGE_BLOCKS) + 1, `${r.children} children for ${count} blocks`);
    assert.equal(r.pages.reduce((a, b) => a + b, 0), count);
    assert.ok(Math.max(...r.pages) <= PAGE_BLOCKS, `largest page: ${Math.max(...r.pages)} blocks`);
  });

  it('ordinary replies are paged too, pages starting only where no top margin is lost (never before a heading)', async () => {
    const text = longReply(120_000);
    const r = await inPage<Paged & { headingFirst: number }>(renderer().page, 'pagedMessage', { text, chunkSize: 97 });
    assert.ok(r.identical, 'with its pages unwrapped, the message equals a whole render');
    assert.ok(r.pages.length >= 3, `${r.pages.length} pages`);
    assert.ok(r.children <= r.pages.length + 1, 'every finished block is in a page');
    assert.equal(r.headingFirst, 0, 'no page after the first starts with a heading or a rule');
  });

  it('while 2,000 tiny code blocks stream, only the code blocks of pages near the viewport are watched one by one', async () => {
    const count = 2000;
    const r = await inPage<{ most: number; atEnd: number; toolbars: number }>(renderer().page, 'observedCodeBlocks', count);
    assert.ok(r.toolbars > 0, 'the blocks on screen get their toolbars');
    // Each watched block costs the browser intersection work in every frame; watching all of them cost ~100 ms a frame at 26,000.
    assert.ok(r.most <= 4 * PAGE_BLOCKS, `${r.most} code blocks watched at once (of ${count})`);
    assert.ok(r.atEnd <= 3 * PAGE_BLOCKS, `${r.atEnd} still watched at the end`);
  });

  it('one update, and the synchronous step of finish(), render at most 96 block boundaries of 40 KB of tiny code blocks (not 8 KB = 400 blocks)', async () => {
    const text = tinyCodeBlocks(2000);
    const r = await inPage<{ added: number[]; finishStep: number; identical: boolean }>(renderer().page, 'codeBlocksPerUpdate', { text, updates: 20 });
    // A tiny code block crosses three boundaries (its two fence lines and the blank line after it).
    assert.ok(Math.max(...r.added) <= MAX_UPDATE_BLOCKS / 2, `code blocks added per update: ${r.added.join(', ')}`);
    assert.ok(r.added.every((n) => n > 0), `every update makes progress: ${r.added.join(', ')}`);
    assert.ok(r.finishStep <= MAX_UPDATE_BLOCKS / 2, `finish() added ${r.finishStep} code blocks before returning`);
    assert.ok(r.identical, 'equals a whole render');
  });

  it('a late reference definition re-renders the blocks using it in slices of at most 96 per step of finish(), and the steps resolve them all', async () => {
    const users = 1000;
    const r = await inPage<{ firstStep: number; frames: number; identical: boolean; links: number }>(renderer().page, 'lateDefinition', users);
    assert.ok(r.firstStep > 0, 'finish() starts re-rendering the users at once');
    // At most one slice of users, plus the open tail's last paragraph rendered once more as final.
    assert.ok(r.firstStep <= MAX_UPDATE_BLOCKS + 1, `finish() re-rendered ${r.firstStep} paragraphs before returning`);
    assert.equal(r.links, users, 'every use became a link');
    assert.ok(r.identical, 'equals a whole render');
  });

  it('restoring a reply that is one 200 KB paragraph completes, one slice per step or two', async () => {
    const text = `Links:\n\n${Array.from({ length: 6000 }, (_, i) => `[link ${i}](https://example.com/${i})`).join(' ')}`;
    const slices = Math.ceil(text.length / SLICE_CHARS);
    const r = await inPage<{ done: boolean; steps: number; shownChars: number }>(renderer().page, 'restoreSteps', { text, maxSteps: 20 * slices });
    assert.ok(r.done, `not restored after ${r.steps} steps (the view re-rendered the same 8 KB of the open paragraph forever)`);
    assert.ok(r.steps <= 2 * slices + 2, `${r.steps} steps for ${slices} slices`);
    assert.equal(r.shownChars, text.length);
  });

  it('a restore frame that costs more than its budget (the layout its steps caused) makes the next frames run fewer steps', async () => {
    const perFrame = await inPage<number[]>(renderer().page, 'restoreQueueSteps', 6);
    assert.ok((perFrame[0] as number) <= FIRST_FRAME_STEPS, `first frame: ${perFrame[0]} steps`);
    for (let i = 1; i < perFrame.length; i++) assert.ok((perFrame[i] as number) <= Math.max(1, (perFrame[i - 1] as number) / 2), `frame ${i}: ${perFrame.join(', ')}`);
    assert.equal(perFrame.at(-1), 1);
  });
});
