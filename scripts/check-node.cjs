// Runs before `npm start` (prestart): a clear message when Node is older than
// package.json's engines.node, instead of an obscure failure later on.
const { engines } = require('../package.json');

const wanted = Number(/(\d+)/.exec(engines.node)?.[1] ?? 0);
const actual = Number(process.versions.node.split('.')[0]);
if (actual < wanted) {
  console.error(
    `Parley needs Node ${engines.node} (package.json "engines"); this is Node ${process.versions.node}.\n` +
      `On Debian 13: sudo apt-get install -y nodejs npm (Node 20). Elsewhere: https://nodejs.org/en/download`,
  );
  process.exit(1);
}
