// Child process of the activation bench: times `require` of a bundle and its
// activate() with `vscode` stubbed (every API a no-op that returns itself, and
// awaits to undefined),
// then prints one JSON line. Run fresh per sample so nothing is cached.
//   node loadBundle.cjs <bundle> [--eager-undici]
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');

const [bundle, flag] = process.argv.slice(2);
const typesFile = require.resolve('@types/vscode/index.d.ts', { paths: [process.cwd()] });
const names = [...new Set([...fs.readFileSync(typesFile, 'utf8').matchAll(/export (?:class|enum|namespace|const|function) (\w+)/g)].map((m) => m[1]))];
// A thenable that settles at once with undefined, as VS Code's dialogs do when dismissed: `await` and `.then()` both work.
const settled = (resolve) => (typeof resolve === 'function' ? resolve(undefined) : undefined);
const anything = new Proxy(function () {}, {
  get: (_target, key) => (key === 'then' ? settled : key === Symbol.toPrimitive ? () => 0 : anything),
  apply: () => anything,
  construct: () => anything,
  set: () => true,
});
const vscodeStub = Object.fromEntries(names.map((name) => [name, anything]));
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscodeStub : load.call(this, request, ...rest);
};

const context = new Proxy({ subscriptions: [], extensionMode: 1 }, { get: (target, key) => (key in target ? target[key] : anything) });

const t0 = performance.now();
const extension = require(path.resolve(bundle));
const t1 = performance.now();
if (flag === '--eager-undici') require(path.join(path.dirname(path.resolve(bundle)), 'undici.js'));
const t2 = performance.now();
extension.activate(context);
const t3 = performance.now();
const undiciLoaded = Object.keys(require.cache).some((file) => file.endsWith(`${path.sep}undici.js`));
console.log(JSON.stringify({ requireMs: t1 - t0, undiciMs: t2 - t1, activateMs: t3 - t2, undiciLoaded }));
// What activate() deferred (settings validation, key preloading) would run on the stub next: not part of activation.
process.exit(0);
