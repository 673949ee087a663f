/**
 * Lifetimes without hand-kept arrays: a `Disposable` base whose `register()`
 * ties a resource to the owner (released with it, in reverse order), and a
 * `DisposableStore` for a group released early (e.g. what belongs to one
 * webview page). Structural, so vscode.Disposable fits; no vscode import.
 */

export interface IDisposable {
  dispose(): void;
}

export function toDisposable(dispose: () => void): IDisposable {
  let done = false;
  return {
    dispose: () => {
      if (done) return;
      done = true;
      dispose();
    },
  };
}

/** Disposes every item, newest first; one that throws does not keep the others alive (the first error is rethrown). */
export function disposeAll(items: IDisposable[]): void {
  let failure: { error: unknown } | undefined;
  while (items.length > 0) {
    try {
      items.pop()?.dispose();
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure) throw failure.error;
}

/** A group of disposables released together, any number of times (`clear`), or for good (`dispose`). */
export class DisposableStore implements IDisposable {
  private items: IDisposable[] = [];
  private disposed = false;

  add<T extends IDisposable>(item: T): T {
    if (this.disposed) item.dispose();
    else this.items.push(item);
    return item;
  }

  /** Releases what was added so far; the store can be used again. */
  clear(): void {
    disposeAll(this.items);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.clear();
  }
}

/** Base class of anything that owns resources: `register()` them, `dispose()` releases them all once. */
export abstract class Disposable implements IDisposable {
  private readonly owned = new DisposableStore();
  private isDisposedFlag = false;

  protected get isDisposed(): boolean {
    return this.isDisposedFlag;
  }

  /** Ties `item` to this object's lifetime; disposed at once when this object already is. */
  protected register<T extends IDisposable>(item: T): T {
    return this.owned.add(item);
  }

  dispose(): void {
    if (this.isDisposedFlag) return;
    this.isDisposedFlag = true;
    this.owned.dispose();
  }
}
