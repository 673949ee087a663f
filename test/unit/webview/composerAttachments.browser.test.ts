import assert from 'node:assert/strict';
import type { ComposerState, Conversation, ViewState } from '../../../src/protocol/model';
import { STRINGS, useChatPage } from './chatPage';

const EMMA = { id: 'emma', label: 'Emma', kind: 'emma' as const, model: 'emma-5' };
const HOSTILE = '<img src=x onerror="window.__pwned = 1">\n</script><script>window.__pwned = 2</script>\n**not bold**';

function state(composer: ComposerState, conversation?: Conversation): ViewState {
  return {
    conversation: conversation ?? { id: 'c1', title: 'T', createdAt: 1, updatedAt: 1, turns: [] },
    composer,
    providers: [EMMA],
    activeProviderId: 'emma',
    history: { visible: false, query: '', items: [] },
  };
}

const meter = (used: number, extra: Partial<NonNullable<ComposerState['meter']>> = {}) => ({
  unit: 'characters' as const,
  used,
  limit: 4500,
  historyTurns: 2,
  historyLeftOut: 0,
  revision: 1,
  ...extra,
});

const chip = { id: 'a1', name: 'util.ts', path: 'src/util.ts', startLine: 3, endLine: 7, bytes: 2048 };

describe('composer attachments and budget meter in Chromium (dist/webview.js)', function () {
  this.timeout(60_000);
  const chat = useChatPage();

  /** The view's first state; what it posted until then (`ready`, the first draft) is cleared. */
  async function init(viewState: ViewState): Promise<void> {
    await chat().send({ type: 'init', strings: STRINGS, state: viewState });
    await chat().clearPosted();
  }

  it('shows a chip with name, lines and size (path on hover); × posts attachmentRemove; Send carries the chip ids', async () => {
    await init(state({ attachments: [chip], meter: meter(120) }));
    const shown = chat().page.locator('[data-chip-id="a1"]');
    assert.equal(await shown.getAttribute('title'), 'src/util.ts · «attach.lines»');
    assert.match(await shown.innerText(), /util\.ts[\s\S]*«attach.lines»[\s\S]*2\.0 KB/);
    await shown.locator('[data-chip-remove]').click();
    assert.deepEqual(await chat().posted(), [{ type: 'attachmentRemove', id: 'a1' }]);
    await chat().clearPosted();
    await chat().page.locator('.composer-input').fill('Explain');
    await chat().page.keyboard.press('Enter');
    assert.deepEqual(await chat().posted(), [{ type: 'send', text: 'Explain', attachmentIds: ['a1'] }]);
  });

  it('offers the active editor as a suggestion chip that attaches on click', async () => {
    await init(state({ attachments: [], suggestion: { name: 'main.ts', path: 'src/main.ts' } }));
    await chat().page.locator('[data-chip-suggestion="src/main.ts"]').click();
    assert.deepEqual(await chat().posted(), [{ type: 'attachSuggestion' }]);
  });

  it('posts the draft as the user types (for the meter) and shows the meter it gets back', async () => {
    await init(state({ attachments: [], meter: meter(0) }));
    await chat().page.locator('.composer-input').pressSequentially('hello');
    await chat().page.waitForFunction(() => (globalThis as unknown as { __posted: Array<{ type: string; text?: string }> }).__posted.some((m) => m.type === 'draft' && m.text === 'hello'));
    const revisions = (await chat().drafts()).map((d) => d.revision);
    assert.deepEqual(revisions, [...revisions].sort((a, b) => a - b), 'revisions grow');
    await chat().send({ type: 'composer', composer: { attachments: [], meter: meter(5, { revision: revisions.at(-1)! }) } });
    assert.match(await chat().page.locator('.meter').innerText(), /«meter.characters»[\s\S]*«meter.history»/);
    assert.equal(await chat().page.locator('[data-composer="send"]').isDisabled(), false);
  });

  it('over the budget: Send is disabled, Enter sends nothing, and the meter names what to remove', async () => {
    await init(state({ attachments: [chip], meter: meter(4501, { largest: { name: 'util.ts', used: 3000 } }) }));
    await chat().page.locator('.composer-input').fill('Explain');
    await chat().clearPosted();
    assert.equal(await chat().page.locator('[data-composer="send"]').isDisabled(), true);
    await chat().page.keyboard.press('Enter');
    assert.deepEqual(await chat().posted(), []);
    assert.equal(await chat().page.locator('.meter.over').count(), 1);
    assert.match(await chat().page.locator('.meter').innerText(), /«meter.over»/);
    // Back under the budget: Send works again.
    await chat().send({ type: 'composer', composer: { attachments: [chip], meter: meter(4500) } });
    assert.equal(await chat().page.locator('[data-composer="send"]').isDisabled(), false);
  });

  it('# at the start of a word opens the file picker instead of typing; a cancelled pick puts the # back', async () => {
    await init(state({ attachments: [] }));
    const input = chat().page.locator('.composer-input');
    await input.pressSequentially('see #');
    assert.deepEqual(await chat().posted(), [{ type: 'attachPick', viaHash: true }]);
    assert.equal(await input.inputValue(), 'see ');
    await chat().send({ type: 'pickCancelled' });
    assert.equal(await input.inputValue(), 'see #');
    // Inside a word, # is just a character.
    await chat().clearPosted();
    await input.pressSequentially('x#1');
    assert.equal(await input.inputValue(), 'see #x#1');
    assert.deepEqual(await chat().posted(), []);
    await chat().page.locator('[data-composer="attach"]').click();
    assert.deepEqual(await chat().posted(), [{ type: 'attachPick', viaHash: false }]);
  });

  it('shows a question’s attachments collapsed, as inert text: no element, no script, no markdown from a hostile file', async () => {
    const conversation: Conversation = {
      id: 'c1',
      title: 'T',
      createdAt: 1,
      updatedAt: 1,
      turns: [
        {
          id: 't1',
          prompt: 'What is this?',
          notes: [],
          createdAt: 1,
          attachments: [{ id: 'a1', path: 'evil.html', language: 'html', content: HOSTILE }],
        },
      ],
    };
    await init(state({ attachments: [] }, conversation));
    const block = chat().page.locator('.question-attachments details.attachment');
    assert.equal(await block.getAttribute('open'), null, 'collapsed by default');
    await block.locator('summary').click();
    assert.equal(await block.locator('pre code').textContent(), HOSTILE);
    assert.equal(await chat().page.locator('.question img, .question script, .question strong').count(), 0);
    assert.equal(await chat().page.evaluate('window.__pwned'), undefined);
  });

  it('posts files dropped on the view (Shift-drag) as URIs', async () => {
    await init(state({ attachments: [] }));
    await chat().page.evaluate(`(() => {
      const data = new DataTransfer();
      data.setData('text/uri-list', 'file:///ws/a.ts\\r\\n# comment\\r\\nfile:///ws/b.ts');
      document.querySelector('.messages').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    })()`);
    assert.deepEqual(await chat().posted(), [{ type: 'attachDrop', uris: ['file:///ws/a.ts', 'file:///ws/b.ts'] }]);
  });
});
