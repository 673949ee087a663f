/**
 * The history search index returns exactly what a full scan of the files
 * returns (same entries, order and snippets), for random conversations in
 * English, Italian and Chinese, after random saves, renames and deletes, for
 * random queries: pieces of the saved text in other cases, and text from nowhere.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Conversation, Turn } from '../../../src/protocol/model';
import { ConversationStore } from '../../../src/storage/conversationStore';
import { fullScan } from './fullScan';

const ALPHABET = [...'abcdeABCDE  èÈàÀòùÙé流式响应回复你好中文ßİıΣσς\n.,:'];
const text = (maxLength: number) => fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength });
const ids = ['a', 'b', 'c', 'd', 'e', 'f'];

const turnArb = (index: number): fc.Arbitrary<Turn> =>
  fc
    .record({
      prompt: text(40),
      displayText: fc.option(text(20), { nil: undefined }),
      reply: fc.option(text(60), { nil: undefined }),
      attachment: fc.option(fc.record({ path: text(10), content: text(40) }), { nil: undefined }),
    })
    .map(({ prompt, displayText, reply, attachment }) => {
      const turn: Turn = { id: `t${index}`, prompt, notes: [], createdAt: 1 };
      if (displayText !== undefined) turn.displayText = displayText;
      if (attachment) turn.attachments = [{ id: `a${index}`, path: attachment.path, language: '', content: attachment.content }];
      if (reply !== undefined) turn.reply = { text: reply, status: 'done', providerId: 'p', providerLabel: 'P', startedAt: 1 };
      return turn;
    });

const conversationArb: fc.Arbitrary<Conversation> = fc
  .record({
    id: fc.constantFrom(...ids),
    title: text(20),
    updatedAt: fc.integer({ min: 0, max: 5 }),
    turns: fc.integer({ min: 0, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => turnArb(i)))),
  })
  .map(({ id, title, updatedAt, turns }) => ({ id, title, createdAt: 0, updatedAt, turns }));

type Operation = { save: Conversation } | { rename: string; title: string } | { delete: string } | { query: string };

const operationArb: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 4, arbitrary: conversationArb.map((save) => ({ save })) },
  { weight: 1, arbitrary: fc.record({ rename: fc.constantFrom(...ids), title: text(20) }) },
  { weight: 1, arbitrary: fc.constantFrom(...ids).map((id) => ({ delete: id })) },
  { weight: 3, arbitrary: text(4).map((query) => ({ query })) },
);

/** A piece of something saved, in another case, so that queries often match. */
function pieceOf(conversations: Conversation[], seed: number): string {
  const texts = conversations.flatMap((c) => [c.title, ...c.turns.flatMap((t) => [t.prompt, t.reply?.text ?? '', ...(t.attachments ?? []).map((a) => a.content)])]);
  const source = texts.filter((t) => t.length > 0)[seed % Math.max(1, texts.length)] ?? '';
  const start = seed % Math.max(1, source.length);
  const piece = source.slice(start, start + 1 + (seed % 5));
  return seed % 2 === 0 ? piece.toLocaleUpperCase() : piece;
}

describe('history search index (property: same results as a full scan)', function () {
  this.timeout(120_000);

  it('after random saves, renames and deletes, every query returns what a full scan returns', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operationArb, { minLength: 1, maxLength: 25 }), fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), async (operations, seeds) => {
        const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'parley-index-'));
        try {
          // A file saved by a newer Parley is listed by its title in both.
          await fs.writeFile(
            path.join(dir, 'newer.json'),
            JSON.stringify({ format: 'parley.conversation', version: 9, conversation: { title: 'Da una versione più nuova 新版本', updatedAt: 3 } }),
          );
          const store = new ConversationStore(dir);
          const saved = new Map<string, Conversation>();
          const check = async (query: string) => {
            const fromIndex = (await store.search(query)).items;
            assert.deepEqual(fromIndex, await fullScan(dir, query), `query ${JSON.stringify(query)}`);
          };
          for (const operation of operations) {
            if ('save' in operation) {
              await store.save(operation.save);
              saved.set(operation.save.id, operation.save);
            } else if ('rename' in operation) {
              await store.rename(operation.rename, operation.title);
            } else if ('delete' in operation) {
              await store.delete(operation.delete);
              saved.delete(operation.delete);
            } else await check(operation.query);
          }
          for (const seed of seeds) await check(pieceOf([...saved.values()], seed));
          await check('');
        } finally {
          await fs.rm(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 60 },
    );
  });
});
