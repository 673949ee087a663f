// Runs before `npm start` (prestart): a clear message when Node is older than
// package.json's engines.node (">=major.minor"), instead of an obscure failure later on.
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
