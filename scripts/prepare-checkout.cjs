// Runs before `npm start` and `npm test` (prestart / pretest), so that on a fresh
// clone those two commands are all a newcomer types:
// 1. a clear message when Node is older than package.json's engines.node
//    (">=major.minor"), instead of an obscure failure later on;
// 2. `npm ci` when the locked dependencies are not installed yet (or the lockfile
//    changed since they were).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { engines } = require('../package.json');

const [wantedMajor, wantedMinor] = (/(\d+)(?:\.(\d+))?/.exec(engines.node) ?? []).slice(1).map((n) => Number(n ?? 0));
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < wantedMajor || (major === wantedMajor && minor < wantedMinor)) {
  console.error(
    `Parley needs Node ${engines.node} (package.json "engines"); this is Node ${process.versions.node}.\n` +
      'On Debian 13: sudo apt-get install -y nodejs npm (Node 20.19). Elsewhere: https://nodejs.org/en/download',
  );
  process.exit(1);
}

const root = path.join(__dirname, '..');
const installed = path.join(root, 'node_modules', '.package-lock.json');
const lockfile = path.join(root, 'package-lock.json');
const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : undefined);
const installedAt = mtime(installed);
if (installedAt === undefined || installedAt < (mtime(lockfile) ?? 0)) {
  console.log('Installing the locked dependencies first (npm ci)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
