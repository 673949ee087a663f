// Builds three bundles: the extension host code (Node, CommonJS, `vscode` external),
// undici for it (loaded on the first request) and the webview script (browser, IIFE). `--production` minifies and drops
// sourcemaps; `--watch` rebuilds on change.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints esbuild problems in the format VS Code's `$esbuild-watch` matcher reads. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * undici (~0.5 MB) is loaded on the first request, not at activation
 * (src/net/undici.ts requires the parts Parley uses, src/net/undiciParts.ts, on
 * first use): the extension bundle requires them as `./undici.js`, a bundle of
 * its own next to dist/extension.js.
 */
const undiciOnFirstRequestPlugin = {
  name: 'undici-on-first-request',
  setup(build) {
    build.onResolve({ filter: /^\.\/undiciParts$/ }, () => ({ path: './undici.js', external: true }));
  },
};

/**
 * `import * as vscode from 'vscode'` compiled to CommonJS becomes, in every file
 * that has it, `__toESM(require('vscode'))`: a copy of the whole API object
 * (about 200 getters defined per file, ~40 files) at require time — the largest
 * single cost of loading the bundle. Instead 'vscode' resolves to one module
 * inside the bundle that reads each top-level API name once (the names come from
 * @types/vscode), so files use plain references and nothing is copied.
 */
const vscodeApiOncePlugin = {
  name: 'vscode-api-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-api' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-api' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-api' }, () => ({
      contents: ["const api = require('vscode');", ...vscodeApiNames().map((name) => `export const ${name} = api.${name};`)].join('\n'),
      loader: 'js',
    }));
  },
};

/** The top-level runtime names of the `vscode` module (namespaces, classes, enums, functions, constants). */
function vscodeApiNames() {
  const types = fs.readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  const declared = types.matchAll(/^\texport (?:abstract class|class|enum|namespace|const|let|var|function) (\w+)/gm);
  return [...new Set([...declared].map((match) => match[1]))];
}

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  plugins: [problemMatcherPlugin],
};

const builds = [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    plugins: [...common.plugins, undiciOnFirstRequestPlugin, vscodeApiOncePlugin],
  },
  {
    ...common,
    entryPoints: ['src/net/undiciParts.ts'],
    outfile: 'dist/undici.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    ...common,
    entryPoints: ['src/webview-ui/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

/** A production build must not ship source maps left over from a development build. */
function removeStaleSourceMaps() {
  if (!fs.existsSync('dist')) return;
  for (const name of fs.readdirSync('dist')) {
    if (name.endsWith('.map')) fs.rmSync(path.join('dist', name));
  }
}

/** Codicons for the chat view: the CSS and its font, next to dist/webview.js (the view only loads from dist and media). */
function copyCodicons() {
  const from = path.join(__dirname, 'node_modules', '@vscode', 'codicons', 'dist');
  fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(path.join(from, file), path.join(__dirname, 'dist', file));
}

async function main() {
  if (production) removeStaleSourceMaps();
  copyCodicons();
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  const results = await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
  if (results.some((r) => r.errors.length > 0)) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
