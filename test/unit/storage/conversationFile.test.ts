/**
 * Storage's own format: tolerant reads (unknown fields kept and written back,
 * optional fields defaulted), garbage refused, and the migration chain.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConversationStore, type SetAsideFile } from '../../../src/storage/conversationStore';
import { parseConversationFile } from '../../../src/storage/conversationFile';
import { CONVERSATION_FILE_VERSION, migrate, type Migration } from '../../../src/storage/migrations';
import { ConversationSchema } from '../../../src/protocol/model';

type Json = Record<string, unknown>;

/** A version 1 file with a field this build does not know at every level. */
function fileWithUnknownFields(): Json {
  return {
    format: 'parley.conversation',
    version: 1,
    savedBy: { app: 'Parley', build: 'future' },
    conversation: {
      id: 'c1',
      title: 'Unknown fields',
      createdAt: 1,
      updatedAt: 2,
      pinned: true,
      turns: [
        {
          id: 't1',
          prompt: 'Question',
          notes: [],
          createdAt: 1,
          rating: 5,
          attachments: [{ id: 'a1', path: 'x.ts', language: 'typescript', content: 'x', hash: 'abc' }],
          reply: {
            text: 'Answer',
            status: 'error',
            providerId: 'emma',
            providerLabel: 'Emma',
            startedAt: 1,
            citations: [{ url: 'https://example.com' }],
            error: { code: 'auth', message: 'no key', action: 'openWizard', params: { provider: 'Emma' } },
          },
        },
      ],
    },
  };
}

describe('the saved conversation format (storage’s own schema)', () => {
  let dir: string;
  let store: ConversationStore;
  let setAside: SetAsideFile[];
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'parley-format-'));
    setAside = [];
    store = new ConversationStore(dir, { onSetAside: (r) => setAside.push(r) });
  });
  afterEach(async () => fs.rm(dir, { recursive: true, force: true }));

  const write = (id: string, data: unknown) => fs.writeFile(path.join(dir, `${id}.json`), JSON.stringify(data));
  const read = async (id: string) => JSON.parse(await fs.readFile(path.join(dir, `${id}.json`), 'utf8')) as Json;

  it('unknown fields at every level are kept out of the chat’s conversation and written back on save', async () => {
    await write('c1', fileWithUnknownFields());
    const conversation = await store.load('c1');
    assert.ok(conversation);
    // What the chat gets is exactly the view protocol's strict shape (an unknown action is not passed on).
    assert.ok(ConversationSchema.safeParse(conversation).success);
    assert.equal(conversation.turns[0]?.reply?.error?.action, undefined);
    const renamed = { ...conversation, title: 'Renamed', updatedAt: 3 };
    await store.save(renamed);
    const expected = fileWithUnknownFields();
    Object.assign(expected.conversation as Json, { title: 'Renamed', updatedAt: 3 });
    assert.deepEqual(await read('c1'), expected);
  });

  it('a regenerated reply does not inherit the unknown fields of the reply it replaced', async () => {
    await write('c1', fileWithUnknownFields());
    const conversation = await store.load('c1');
    const turn = conversation?.turns[0];
    assert.ok(conversation && turn);
    await store.save({ ...conversation, turns: [{ ...turn, reply: { text: 'New', status: 'done', providerId: 'emma', providerLabel: 'Emma', startedAt: 9 } }] });
    const saved = (await read('c1')).conversation as { turns: Array<Json & { reply: Json }> };
    assert.equal(saved.turns[0]?.rating, 5, 'the turn keeps its own unknown field');
    assert.deepEqual(saved.turns[0]?.reply, { text: 'New', status: 'done', providerId: 'emma', providerLabel: 'Emma', startedAt: 9 });
  });

  it('missing optional fields are defaulted (notes, an attachment’s language) and the file still loads', async () => {
    const data = fileWithUnknownFields();
    const turn = ((data.conversation as Json).turns as Json[])[0] as Json;
    delete turn.notes;
    delete ((turn.attachments as Json[])[0] as Json).language;
    await write('c1', data);
    const conversation = await store.load('c1');
    assert.deepEqual(conversation?.turns[0]?.notes, []);
    assert.equal(conversation?.turns[0]?.attachments?.[0]?.language, '');
    assert.deepEqual(setAside, []);
  });

  it('garbage is still refused and set aside, with the field named', async () => {
    const cases: Array<[string, (d: Json) => void, RegExp]> = [
      ['status', (d) => (((d.conversation as Json).turns as Json[])[0]!.reply as Json).status = 'bogus', /turns\.0\.reply\.status/],
      ['prompt', (d) => (((d.conversation as Json).turns as Json[])[0]!.prompt = 42), /turns\.0\.prompt/],
      ['turns', (d) => ((d.conversation as Json).turns = 'none'), /conversation\.turns/],
      ['title', (d) => ((d.conversation as Json).title = 'x'.repeat(501)), /conversation\.title/],
      ['format', (d) => (d.format = 'something.else'), /format/],
    ];
    for (const [name, spoil, field] of cases) {
      const data = fileWithUnknownFields();
      spoil(data);
      const parsed = parseConversationFile(JSON.stringify(data), 'c1');
      assert.ok(!parsed.ok && 'reason' in parsed, name);
      assert.match(parsed.reason, field, name);
    }
    await write('c1', { format: 'parley.conversation', version: 1, conversation: { id: 'c1' } });
    assert.deepEqual((await store.list()).items, []);
    assert.equal(setAside.length, 1);
  });

  it('a version below the first is refused, not taken for current', () => {
    const data = { ...fileWithUnknownFields(), version: 0 };
    const parsed = parseConversationFile(JSON.stringify(data), 'c1');
    assert.ok(!parsed.ok && 'reason' in parsed);
    assert.match(parsed.reason, /format version 0/);
  });
});

describe('the migration chain', () => {
  const chain: Record<number, Migration> = {
    1: (d) => ({ ...d, steps: [...((d.steps as string[] | undefined) ?? []), '1→2'] }),
    2: (d) => ({ ...d, steps: [...((d.steps as string[] | undefined) ?? []), '2→3'] }),
  };

  it('runs every step from the file’s version up, in order, and stamps each new version', () => {
    assert.deepEqual(migrate({ version: 1 }, 1, 3, chain), { ok: true, data: { version: 3, steps: ['1→2', '2→3'] } });
    assert.deepEqual(migrate({ version: 2 }, 2, 3, chain), { ok: true, data: { version: 3, steps: ['2→3'] } });
  });

  it('a file of the current version goes through unchanged', () => {
    const data = { version: CONVERSATION_FILE_VERSION, x: 1 };
    assert.deepEqual(migrate(data, CONVERSATION_FILE_VERSION), { ok: true, data });
  });

  it('a missing step is an error, never a silent skip', () => {
    assert.deepEqual(migrate({ version: 1 }, 1, 4, chain), { ok: false, reason: 'no migration from format version 3' });
  });
});
