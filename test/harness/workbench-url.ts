// URLs of the code-server workbench. With `--vscode-option enable-smoke-test-driver`
// the web workbench honours a `payload` query parameter, which is how the
// extension under development and the tests module are handed to it.
import type { CodeServer } from './code-server';

/** A local absolute path as the workbench's remote sees it. */
export function remoteUri(server: CodeServer, absolutePath: string): string {
  return `vscode-remote://127.0.0.1:${server.port}${absolutePath}`;
}

export function workbenchUrl(server: CodeServer, folder: string, payload?: [string, string][]): string {
  const params = new URLSearchParams({ folder });
  if (payload) params.set('payload', JSON.stringify(payload));
  return `${server.url}/?${params.toString()}`;
}

/** Opens `folder` with `extensionDevelopmentPath` and runs `extensionTestsPath`'s run(). */
export function extensionTestUrl(server: CodeServer, folder: string, developmentPath: string, testsPath: string): string {
  return workbenchUrl(server, folder, [
    ['extensionDevelopmentPath', remoteUri(server, developmentPath)],
    ['extensionTestsPath', remoteUri(server, testsPath)],
  ]);
}
