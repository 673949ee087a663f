/**
 * Every simulator fault mode against every adapter, over real sockets: broken
 * framing must not change the text, broken streams keep the partial reply and
 * end in the right ProviderError, retries happen only where they should.
 */
import assert from 'node:assert/strict';
import { createProvider } from '../../../src/providers';
import type { ChatProvider, ProviderProfile } from '../../../src/providers/types';
import type { Simulator } from '../../simulator/server';
import { expectError, expectSuccess, replyText, run, testDeps, user, type TestDeps } from './helpers';
import { useSimulator } from '../../simulator/mochaHooks';

interface Subject {
  name: string;
  profile(sim: Simulator): ProviderProfile;
  key?: string;
}

const SUBJECTS: Subject[] = [
  { name: 'Emma', key: 'sim-emma-key', profile: (sim) => ({ id: 'emma', kind: 'emma', baseUrl: sim.url }) },
  { name: 'SecondMe', profile: (sim) => ({ id: 'sm', kind: 'secondme', baseUrl: sim.url, instanceId: 'sim-instance' }) },
  {
    name: 'ecovai',
    key: 'sim-openai-key',
    profile: (sim) => ({ id: 'eco', kind: 'openai-compatible', label: 'ecovai', baseUrl: `${sim.url}/v1`, model: 'spark-v3' }),
  },
];

for (const subject of SUBJECTS) {
  describe(`${subject.name} adapter under simulator faults`, () => {
    let sim: Simulator;
    let deps: TestDeps;
    const provider = (idleMs = 2000): ChatProvider => {
      deps = testDeps(subject.key, idleMs);
      return createProvider(subject.profile(sim), deps);
    };

    useSimulator((started) => {
      sim = started;
    });

    describe('framing faults yield the same text', () => {
      for (const marker of ['bytes', 'crlf', 'bom', 'unknown-events', 'bytes]] [[sim:crlf]] [[sim:bom']) {
        it(`[[sim:${marker}]]`, async () => {
          // A short reply: with 1-byte writes every byte is its own chunk.
          const plain = expectSuccess(await run(provider(), user('hello, who are you?')));
          const faulty = expectSuccess(await run(provider(), user(`hello, who are you? [[sim:${marker}]]`)));
          assert.equal(faulty, plain);
        });
      }

      it('multi-byte characters split across chunks survive', async () => {
        const plain = expectSuccess(await run(provider(), user('解释流式输出')));
        assert.match(plain, /[\u4e00-\u9fff]/);
        const split = expectSuccess(await run(provider(), user('解释流式输出 [[sim:multibyte]]')));
        assert.equal(split, plain);
        assert.ok(!split.includes('\uFFFD'), 'no replacement characters');
      });

      it('a server-wide fault set with setFault applies too', async () => {
        const plain = expectSuccess(await run(provider(), user('hello')));
        sim.setFault([{ kind: 'bytes' }, { kind: 'crlf' }]);
        assert.equal(expectSuccess(await run(provider(), user('hello'))), plain);
      });
    });

    describe('broken streams keep the partial reply', () => {
      it('stall → timeout after the idle time', async () => {
        const outcome = await run(provider(300), user('explain [[sim:stall after=4]]'));
        expectError(outcome, 'timeout');
        assert.ok(replyText(outcome.events).length > 0, 'partial text kept');
        assert.equal((await sim.settled(0)).outcome, 'aborted', 'the client closed the stalled socket');
      });

      it('mid-stream disconnect → network', async () => {
        const outcome = await run(provider(), user('explain [[sim:disconnect after=5]]'));
        expectError(outcome, 'network', /broke off in the middle of the reply/);
        assert.ok(replyText(outcome.events).length > 0, 'partial text kept');
      });

      it('a stream that ends without its final event → protocol "cut off"', async () => {
        const outcome = await run(provider(), user('explain [[sim:truncate after=5]]'));
        expectError(outcome, 'protocol', /cut off/);
        assert.ok(replyText(outcome.events).length > 0, 'partial text kept');
      });

      it('malformed JSON → protocol', async () => {
        const outcome = await run(provider(), user('explain [[sim:malformed after=4]]'));
        expectError(outcome, 'protocol', /malformed/);
        assert.ok(replyText(outcome.events).length > 0, 'partial text kept');
      });

      it('a line over 1 MiB → protocol', async () => {
        expectError(await run(provider(), user('explain [[sim:oversize]]')), 'protocol');
      });

      it('error event → ProviderError with the server’s message', async () => {
        const outcome = await run(provider(), user('explain [[sim:error-event after=4 message=overloaded-now]]'));
        expectError(outcome, 'unavailable', /overloaded-now/);
        assert.ok(replyText(outcome.events).length > 0);
      });
    });

    describe('status faults and retry', () => {
      it('429 with Retry-After, then success: retried after the announced wait', async () => {
        const text = expectSuccess(await run(provider(), user('hello [[sim:rate-limit times=1 retry-after=2]]')));
        assert.ok(text.length > 0);
        assert.equal(sim.requests.length, 2);
        assert.deepEqual(deps.sleeps, [2000]);
      });

      it('429 on every try → rate_limited with retry-after, after 2 retries', async () => {
        sim.setFault({ kind: 'rate-limit', times: 10, retryAfter: 7 });
        const error = expectError(await run(provider(), user('hello')), 'rate_limited', /too many requests — try again in 7 s/);
        assert.equal(error.retryAfterSeconds, 7);
        assert.equal(error.status, 429);
        assert.equal(sim.requests.length, 3);
      });

      for (const status of [502, 503, 504]) {
        it(`${status} then success`, async () => {
          sim.setFault({ kind: 'status', status, times: 2 });
          expectSuccess(await run(provider(), user('hello')));
          assert.equal(sim.requests.length, 3);
        });
      }

      it('HTML 502 page → unavailable with a short, tag-free excerpt', async () => {
        sim.setFault({ kind: 'html', status: 502 });
        const error = expectError(await run(provider(), user('hello')), 'unavailable', /HTTP 502.*“502 Bad Gateway”/);
        assert.ok(!/[<>]/.test(error.message));
        assert.ok(error.message.length < 200);
      });

      it('HTML 500 page → unavailable, not retried', async () => {
        sim.setFault({ kind: 'html', status: 500 });
        expectError(await run(provider(), user('hello')), 'unavailable', /HTTP 500/);
        assert.equal(sim.requests.length, 1);
      });
    });

    describe('cancellation', () => {
      it('abort mid-stream → cancelled, partial text kept, the server sees the socket closed', async () => {
        const controller = new AbortController();
        const events = [];
        let caught: unknown;
        try {
          for await (const event of provider().streamChat(user('explain [[sim:slow ms=200]]'), controller.signal)) {
            events.push(event);
            if (event.type === 'delta') controller.abort();
          }
        } catch (error) {
          caught = error;
        }
        assert.equal((caught as { code?: string }).code, 'cancelled');
        assert.equal(events.filter((e) => e.type === 'delta').length, 1);
        assert.equal((await sim.settled(0)).outcome, 'aborted');
      });

      it('abort before sending → cancelled, nothing sent', async () => {
        const controller = new AbortController();
        controller.abort();
        const outcome = await run(provider(), user('hello'), controller.signal);
        expectError(outcome, 'cancelled');
        assert.equal(sim.requests.length, 0);
      });
    });
  });
}
