/**
 * `npm run package:check`: lists what out/parley.vsix contains, with sizes,
 * and fails (exit 1) on anything that should not ship, on a missing file, on
 * a size over budget and on README images other marketplaces cannot load.
 */
import { statSync } from 'node:fs';
import yauzl from 'yauzl';
import { BUDGETS, checkEntries, checkReadmeImages, kb, type VsixEntry } from './packageRules';

interface Contents {
  entries: VsixEntry[];
  readme: string;
}

function readVsix(file: string): Promise<Contents> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (openError, zip) => {
      if (openError || !zip) return reject(openError ?? new Error(`cannot open ${file}`));
      const entries: VsixEntry[] = [];
      let readme = '';
      zip.on('error', reject);
      zip.on('end', () => resolve({ entries, readme }));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        entries.push({ path: entry.fileName, size: entry.uncompressedSize });
        if (!/^extension\/readme\.md$/i.test(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('cannot read the README'));
          const parts: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => parts.push(chunk));
          stream.on('end', () => {
            readme = Buffer.concat(parts).toString('utf8');
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.readEntry();
    });
  });
}

async function main(): Promise<void> {
  const file = process.argv[2] ?? 'out/parley.vsix';
  const vsixBytes = statSync(file).size;
  const { entries, readme } = await readVsix(file);
  console.log(`${file}: ${entries.length} files, ${kb(vsixBytes)} (budget ${kb(BUDGETS.vsixBytes)})`);
  for (const entry of [...entries].sort((a, b) => a.path.localeCompare(b.path))) {
    console.log(`  ${kb(entry.size).padStart(10)}  ${entry.path}`);
  }
  const problems = [...checkEntries(entries, vsixBytes), ...checkReadmeImages(readme)];
  if (!readme) problems.push('extension/readme.md is missing');
  if (problems.length > 0) {
    console.error(`\npackage:check failed (${problems.length}):`);
    for (const problem of problems) console.error(`  ✗ ${problem}`);
    process.exit(1);
  }
  console.log('\npackage:check passed');
}

main().catch((error: unknown) => {
  console.error(`package:check: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
