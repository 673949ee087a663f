/**
 * Runs work that activation does not need right after activate() returns
 * (on the next turn of the event loop), so VS Code's activation time covers
 * only registering Parley's pieces. Disposing before it ran cancels it.
 */
import type * as vscode from 'vscode';

export function afterActivation(work: () => void): vscode.Disposable {
  const handle = setImmediate(work);
  return { dispose: () => clearImmediate(handle) };
}
