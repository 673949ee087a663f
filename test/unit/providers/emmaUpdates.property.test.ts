/**
 * Emma's `update` events in both shapes the document allows (cumulative: the
 * text so far; incremental: the new piece), cut at random points. Whatever the
 * shape and the cuts, the reply ends as `done.response`; in the shapes that are
 * not ambiguous the text is streamed exactly, without a rewrite.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { emmaEvents } from '../../../src/providers/emma';
import type { ChatEvent } from '../../../src/providers/types';
import { replyText, types } from './helpers';

async function* linesOf(events: unknown[]): AsyncGenerator<string> {
  for (const event of events) yield JSON.stringify(event);
}

async function collect(events: unknown[]): Promise<ChatEvent[]> {
  const out: ChatEvent[] = [];
  for await (const event of emmaEvents(linesOf(events), { label: 'Emma', kind: 'emma' })) out.push(event);
  return out;
}

/** The text cut into pieces at the given (unsorted, possibly repeated) offsets. */
function cut(text: string, offsets: number[]): string[] {
  const points = [...new Set(offsets.map((o) => o % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const point of [...points, text.length]) {
    if (point > from) pieces.push(text.slice(from, point));
    from = Math.max(from, point);
  }
  return pieces;
}

const cumulative = (pieces: string[]) => pieces.map((_, i) => ({ type: 'update', content: pieces.slice(0, i + 1).join('') }));
const incremental = (pieces: string[]) => pieces.map((piece) => ({ type: 'update', content: piece }));
const done = (text: string) => ({ type: 'done', response: text, stats: { output_tokens: 1 } });

const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 });
const offsets = fc.array(fc.nat(), { maxLength: 40 });

describe('Emma updates: cumulative or incremental, cut anywhere (property)', () => {
  it('cumulative updates (repeats included) stream the text as suffix deltas, no replace', async () => {
    await fc.assert(
      fc.asyncProperty(text, offsets, fc.nat(), async (full, cuts, repeatAt) => {
        const updates = cumulative(cut(full, cuts));
        updates.splice(repeatAt % (updates.length + 1), 0, ...updates.slice(repeatAt % (updates.length + 1), (repeatAt % (updates.length + 1)) + 1));
        const events = await collect([{ type: 'meta', prompt_tokens: 3 }, ...updates, done(full)]);
        assert.ok(!types(events).includes('replace'), JSON.stringify(events));
        assert.equal(replyText(events), full);
      }),
      { numRuns: 300 },
    );
  });

  it('incremental updates whose second piece does not begin like the first stream the text exactly, no replace', async () => {
    await fc.assert(
      fc.asyncProperty(text, offsets, async (full, cuts) => {
        const pieces = cut(full, cuts);
        fc.pre(pieces.length < 2 || pieces[0]![0] !== pieces[1]![0]);
        const events = await collect([...incremental(pieces), done(full)]);
        assert.ok(!types(events).includes('replace'), JSON.stringify(events));
        assert.equal(replyText(events), full);
      }),
      { numRuns: 300 },
    );
  });

  for (const [shape, updatesOf] of [['cumulative', cumulative], ['incremental', incremental]] as const) {
    it(`${shape}, any cuts: the final text equals done.response`, async () => {
      await fc.assert(
        fc.asyncProperty(text, offsets, async (full, cuts) => {
          const events = await collect([...updatesOf(cut(full, cuts)), done(full)]);
          assert.equal(replyText(events), full);
          assert.deepEqual(types(events).slice(-2), ['usage', 'done']);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('a cumulative stream that rewrites its text (shorter or longer) is shown rewritten, then continues', async () => {
    const events = await collect([
      { type: 'update', content: 'Il gatto' },
      { type: 'update', content: 'Il gatto nero dorme' },
      { type: 'update', content: 'Il cane nero dorme' },
      { type: 'update', content: 'Il cane nero dorme sul divano.' },
      done('Il cane nero dorme sul divano.'),
    ]);
    assert.deepEqual(
      events.filter((e) => e.type !== 'usage' && e.type !== 'done'),
      [
        { type: 'delta', text: 'Il gatto' },
        { type: 'delta', text: ' nero dorme' },
        { type: 'replace', text: 'Il cane nero dorme' },
        { type: 'delta', text: ' sul divano.' },
      ],
    );
  });

  it('an incremental stream whose pieces begin like the text so far is still appended once it showed its shape', async () => {
    const pieces = ['Ciao', ', come', ' stai', 'Ciao', ' di nuovo'];
    const events = await collect([...incremental(pieces), done(pieces.join(''))]);
    assert.ok(!types(events).includes('replace'));
    assert.equal(replyText(events), 'Ciao, come staiCiao di nuovo');
  });
});
