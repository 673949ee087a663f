// Bundles the integration suite for the extension host: every
// test/integration/**/*.test.ts (found at build time) plus the mocha runner,
// into out/integration/index.js, which exports run() (failure reports name
// the test file; the extension host's stacks point into the bundle). `vscode` stays external;
// mocha (ESM-only since v12) is bundled so the CommonJS extension host of any
// VS Code can load it. Adding a test = adding a *.test.ts file.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './versions';

export const INTEGRATION_OUT_DIR = path.join(REPO_ROOT, 'out', 'integration');
/** extensionTestsPath for both runners (VS Code requires this module and calls run()). */
export const INTEGRATION_ENTRY = path.join(INTEGRATION_OUT_DIR, 'index');

function findTestFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTestFiles(full));
    else if (entry.name.endsWith('.test.ts')) found.push(full);
  }
  return found.sort();
}

export async function buildIntegrationSuite(): Promise<string[]> {
  const files = findTestFiles(path.join(REPO_ROOT, 'test', 'integration')).map((f) =>
    path.relative(REPO_ROOT, f).split(path.sep).join('/'),
  );
  const entry = [
    `import { runSuite } from './test/integration/support/run-suite';`,
    `export function run(): Promise<void> {`,
    `  return runSuite([`,
    ...files.map((f) => `    { file: ${JSON.stringify(f)}, load: () => require(${JSON.stringify(`./${f}`)}) },`),
    `  ]);`,
    `}`,
  ].join('\n');
  await esbuild.build({
    stdin: { contents: entry, resolveDir: REPO_ROOT, sourcefile: 'integration-entry.ts', loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: `${INTEGRATION_ENTRY}.js`,
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
    // mocha's parallel mode (unused here) resolves worker files at runtime.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  return files;
}

if (require.main === module) {
  buildIntegrationSuite().then(
    (files) => console.log(`integration suite bundled: ${files.length} test file(s) → ${INTEGRATION_ENTRY}.js`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
