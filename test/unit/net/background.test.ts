import assert from 'node:assert/strict';
import { logFailure, runInBackground } from '../../../src/net/background';
import { rememberSecret } from '../../../src/net/redact';

/** Resolves once `lines` has an entry (the failure handler runs a microtask or two later). */
async function firstLine(lines: string[]): Promise<string> {
  for (let i = 0; i < 100 && lines.length === 0; i++) await new Promise((resolve) => setImmediate(resolve));
  assert.ok(lines.length > 0, 'nothing was logged');
  return lines[0] ?? '';
}

describe('runInBackground: work nobody awaits', () => {
  it('logs a rejection as one line naming the work, with its message', async () => {
    const lines: string[] = [];
    runInBackground(Promise.reject(new Error('disk full')), logFailure('saving the conversation', (line) => lines.push(line)));
    assert.equal(await firstLine(lines), 'saving the conversation failed: disk full');
  });

  it('redacts a key in the failure it logs', async () => {
    const key = 'sk-background-canary-0123456789';
    rememberSecret(key);
    const lines: string[] = [];
    runInBackground(Promise.reject(new Error(`401 for key ${key}`)), logFailure('reading the stored API keys', (line) => lines.push(line)));
    const line = await firstLine(lines);
    assert.ok(!line.includes(key), line);
    assert.match(line, /^reading the stored API keys failed: 401 for key /);
  });

  it('handles a thenable that is not a Promise (VS Code returns Thenables)', async () => {
    const lines: string[] = [];
    const thenable: PromiseLike<void> = { then: (_ok, fail) => Promise.resolve(fail?.('gone')) as never };
    runInBackground(thenable, logFailure('posting a message', (line) => lines.push(line)));
    assert.equal(await firstLine(lines), 'posting a message failed: gone');
  });

  it('reports nothing when the work succeeds', async () => {
    const failures: unknown[] = [];
    const work = Promise.resolve('done');
    runInBackground(work, (error) => failures.push(error));
    await work;
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(failures, []);
  });

  it('leaves no unhandled rejection, even when the failure handler throws', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      runInBackground(Promise.reject(new Error('first')), () => {
        throw new Error('handler broke');
      });
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('unhandledRejection', listener);
    }
    assert.deepEqual(unhandled, []);
  });
});
