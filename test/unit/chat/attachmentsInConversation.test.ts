import assert from 'node:assert/strict';
import { ComposerDraft } from '../../../src/chat/composerDraft';
import { DEFAULT_CHAT_TEXTS } from '../../../src/chat/chatTexts';
import { conversationToMarkdown } from '../../../src/chat/exportMarkdown';
import { findMatch } from '../../../src/storage/searchConversations';
import type { Attachment, Conversation } from '../../../src/protocol/model';

const attachment: Attachment = {
  id: 'a1',
  path: 'src/zebra.ts',
  language: 'typescript',
  startLine: 4,
  endLine: 5,
  content: 'const okapiStripes = 42;\nexport default okapiStripes;',
};

const conversation: Conversation = {
  id: 'c1',
  title: 'Stripes',
  createdAt: 1,
  updatedAt: 1,
  turns: [
    {
      id: 't1',
      prompt: 'What is this?',
      notes: [],
      createdAt: 1,
      attachments: [attachment],
      reply: { text: 'A constant.', status: 'done', providerId: 'p', providerLabel: 'P', startedAt: 1 },
    },
  ],
};

describe('attachments in the conversation', () => {
  it('export: each attachment follows its question as a fenced block with language, path and lines', () => {
    const markdown = conversationToMarkdown(conversation);
    assert.ok(
      markdown.includes(
        '## You\n\nWhat is this?\n\n**Attached:** `src/zebra.ts:4-5`\n\n```typescript src/zebra.ts:4-5\nconst okapiStripes = 42;\nexport default okapiStripes;\n```\n\n### P',
      ),
      markdown,
    );
  });

  it('history search finds text that is only in an attachment (and its path)', () => {
    assert.match(findMatch(conversation, 'okapistripes') || '', /const okapiStripes = 42/);
    assert.equal(typeof findMatch(conversation, 'zebra.ts'), 'string');
    assert.equal(findMatch(conversation, 'giraffe'), false);
  });

  it('composer draft: chips without content, duplicates added once, the meter counts question + attachments', () => {
    const draft = new ComposerDraft();
    assert.equal(draft.add([attachment, { ...attachment, id: 'a2' }]), 1);
    draft.setText('Why?', 7);
    const state = draft.state({ id: 'emma', kind: 'emma' }, [], DEFAULT_CHAT_TEXTS);
    assert.deepEqual(state.attachments, [{ id: 'a1', name: 'zebra.ts', path: 'src/zebra.ts', startLine: 4, endLine: 5, bytes: 53 }]);
    assert.equal(JSON.stringify(state).includes('okapiStripes'), false, 'the view gets no content with the chips');
    const expected = '```typescript src/zebra.ts:4-5\n'.length + attachment.content.length + '\n```'.length + '\n\nWhy?'.length;
    assert.deepEqual(state.meter, { unit: 'characters', used: expected, limit: 4500, historyTurns: 0, historyLeftOut: 0, largest: { name: 'zebra.ts', used: expected - 6 }, revision: 7 });
    assert.deepEqual(draft.take(['a1']).map((a) => a.id), ['a1']);
    assert.deepEqual(draft.list(), []);
  });

  it('composer draft: the active editor is suggested until that file is attached whole', () => {
    const draft = new ComposerDraft();
    draft.setSuggestion({ name: 'zebra.ts', path: 'src/zebra.ts' });
    assert.deepEqual(draft.state(undefined, [], DEFAULT_CHAT_TEXTS).suggestion, { name: 'zebra.ts', path: 'src/zebra.ts' });
    draft.add([attachment]); // a part of it: still suggested
    assert.ok(draft.state(undefined, [], DEFAULT_CHAT_TEXTS).suggestion);
    draft.add([{ id: 'whole', path: 'src/zebra.ts', language: 'typescript', content: 'the whole file' }]);
    assert.equal(draft.state(undefined, [], DEFAULT_CHAT_TEXTS).suggestion, undefined);
  });
});
