/**
 * Leaves out files a `.gitignore` ignores (the workspace file picker's
 * findFiles applies `files.exclude` but not `.gitignore`). Each `.gitignore`
 * applies below its own folder, as git does; `.git/` is always left out.
 */
import ignore, { type Ignore } from 'ignore';
import * as vscode from 'vscode';

interface Rules {
  /** Folder of the .gitignore, ending in `/`. */
  dir: string;
  rules: Ignore;
}

async function loadRules(): Promise<Rules[]> {
  const files = await vscode.workspace.findFiles('**/.gitignore', undefined, 500);
  const loaded = await Promise.all(
    files.map(async (uri): Promise<Rules | undefined> => {
      try {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        return { dir: uri.path.slice(0, uri.path.lastIndexOf('/') + 1), rules: ignore().add(text) };
      } catch {
        return undefined; // an unreadable .gitignore ignores nothing
      }
    }),
  );
  return loaded.filter((r): r is Rules => r !== undefined);
}

/** The URIs no `.gitignore` above them ignores. */
export async function withoutGitignored(uris: readonly vscode.Uri[]): Promise<vscode.Uri[]> {
  const rules = await loadRules();
  return uris.filter((uri) => {
    if (uri.path.includes('/.git/')) return false;
    return !rules.some(({ dir, rules: r }) => uri.path.startsWith(dir) && r.ignores(uri.path.slice(dir.length)));
  });
}
