import assert from 'node:assert/strict';
import { checkProvidersWrite } from '../../../src/profiles/editableProviders';

describe('checkProvidersWrite (may Manage Providers write parley.providers back?)', () => {
  it('a list of readable profiles, or no value at all, may be written', () => {
    assert.deepEqual(checkProvidersWrite(undefined), { kind: 'ok' });
    assert.deepEqual(checkProvidersWrite([]), { kind: 'ok' });
    assert.deepEqual(checkProvidersWrite([{ id: 'emma', kind: 'emma' }]), { kind: 'ok' });
  });

  it('a hand-written profile object instead of a list is refused, and so is any other non-list', () => {
    const handWritten = { id: 'mine', kind: 'openai-compatible', baseUrl: 'http://127.0.0.1:1234/v1', model: 'm' };
    assert.deepEqual(checkProvidersWrite(handWritten), { kind: 'notAList', found: 'object' });
    assert.deepEqual(checkProvidersWrite('emma'), { kind: 'notAList', found: 'string' });
    assert.deepEqual(checkProvidersWrite(3), { kind: 'notAList', found: 'number' });
    assert.deepEqual(checkProvidersWrite(true), { kind: 'notAList', found: 'boolean' });
  });

  it('a list with entries Parley cannot read needs the user to agree, and names what is wrong', () => {
    const check = checkProvidersWrite([{ id: 'ok', kind: 'emma' }, 'not a profile', { id: 'x', kind: 'gpt' }]);
    assert.equal(check.kind, 'unreadableEntries');
    assert.ok(check.kind === 'unreadableEntries');
    assert.equal(check.problems.length, 2);
    assert.match(check.problems[0] ?? '', /^parley\.providers\[1\]/);
    assert.match(check.problems[1] ?? '', /^parley\.providers\[2\]\.kind \(profile "x"\) must be one of emma, secondme, openai-compatible/);
  });
});
