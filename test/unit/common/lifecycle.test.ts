import assert from 'node:assert/strict';
import { Disposable, DisposableStore, disposeAll, toDisposable } from '../../../src/common/lifecycle';

class Owner extends Disposable {
  own(name: string, log: string[]) {
    return this.register(toDisposable(() => log.push(name)));
  }
  get disposedNow(): boolean {
    return this.isDisposed;
  }
}

describe('lifecycle', () => {
  it('a Disposable releases what it registered once, newest first', () => {
    const log: string[] = [];
    const owner = new Owner();
    owner.own('a', log);
    owner.own('b', log);
    owner.dispose();
    owner.dispose();
    assert.deepEqual(log, ['b', 'a']);
    assert.equal(owner.disposedNow, true);
  });

  it('registering on a disposed owner releases the item at once', () => {
    const log: string[] = [];
    const owner = new Owner();
    owner.dispose();
    owner.own('late', log);
    assert.deepEqual(log, ['late']);
  });

  it('a store can be cleared and reused, and is closed for good by dispose', () => {
    const log: string[] = [];
    const store = new DisposableStore();
    store.add(toDisposable(() => log.push('first page')));
    store.clear();
    store.add(toDisposable(() => log.push('second page')));
    store.dispose();
    store.add(toDisposable(() => log.push('after')));
    assert.deepEqual(log, ['first page', 'second page', 'after']);
  });

  it('one item that throws does not keep the others alive; the first error is rethrown', () => {
    const log: string[] = [];
    const items = [toDisposable(() => log.push('a')), toDisposable(() => { throw new Error('boom'); }), toDisposable(() => log.push('c'))];
    assert.throws(() => disposeAll(items), /boom/);
    assert.deepEqual(log, ['c', 'a']);
    assert.equal(items.length, 0);
  });

  it('toDisposable runs its function once', () => {
    let runs = 0;
    const d = toDisposable(() => (runs += 1));
    d.dispose();
    d.dispose();
    assert.equal(runs, 1);
  });
});
