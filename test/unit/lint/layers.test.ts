/**
 * The layering rules of eslint.config.mjs, each shown firing on a snippet in
 * the layer it guards (and staying quiet on the import that layer may make).
 * Removing a rule from the config fails its test here.
 */
import assert from 'node:assert/strict';
import { lintMessages } from './lintSnippet';

const STATIC = 'no-restricted-imports';
const DYNAMIC = 'no-restricted-syntax';

describe('lint: layers (eslint.config.mjs)', function () {
  // The first lint builds both TypeScript programs (type-aware rules); slow on a busy machine.
  this.timeout(180_000);

  describe('commands and webview are siblings: neither imports the other', () => {
    it('flags commands importing webview', async () => {
      const messages = await lintMessages('commands', "import type { ChatViewProvider } from '../webview/chatViewProvider';\nexport type V = ChatViewProvider;\n", STATIC);
      assert.equal(messages.length, 1);
      assert.match(messages[0] ?? '', /src\/commands may not import src\/webview/);
    });

    it('flags webview importing commands', async () => {
      const messages = await lintMessages('webview', "import { registerCommands } from '../commands';\nexport const r = registerCommands;\n", STATIC);
      assert.equal(messages.length, 1);
      assert.match(messages[0] ?? '', /src\/webview may not import src\/commands/);
    });

    it('lets commands import the layer below (host) and what lies below that (net)', async () => {
      const code = "import { ParleyLog } from '../host/log';\nimport { redactText } from '../net/redact';\nexport const used = [ParleyLog, redactText];\n";
      assert.deepEqual(await lintMessages('commands', code, STATIC), []);
    });
  });

  describe('import(), require() and typeof import() follow the same direction', () => {
    it('flags an import() of a layer above', async () => {
      const code = "export async function load() {\n  return import('../webview/chatViewProvider');\n}\n";
      const messages = await lintMessages('chat', code, DYNAMIC);
      assert.equal(messages.length, 1);
      assert.match(messages[0] ?? '', /src\/chat may not import src\/webview/);
    });

    it('flags a require() of a layer above', async () => {
      // eslint's own no-require-imports is switched off in the snippet so only the layer rule speaks.
      const code = "// eslint-disable-next-line @typescript-eslint/no-require-imports\nexport const m = require('../host/log') as unknown;\n";
      const messages = await lintMessages('providers', code, DYNAMIC);
      assert.equal(messages.length, 1);
      assert.match(messages[0] ?? '', /src\/providers may not import src\/host/);
    });

    it('flags a typeof import() of a layer above', async () => {
      const messages = await lintMessages('net', "export type Log = typeof import('../host/log');\n", DYNAMIC);
      assert.equal(messages.length, 1);
      assert.match(messages[0] ?? '', /src\/net may not import src\/host/);
    });

    it('flags an import() whose target lint cannot read', async () => {
      const code = "export async function load(name: string) {\n  return import(`../${name}/index`);\n}\n";
      const messages = await lintMessages('chat', code, DYNAMIC);
      assert.equal(messages.length, 1);
      assert.match(messages[0] ?? '', /import\(\) takes a string literal/);
    });

    it('lets a layer load its own modules lazily (the undici loader in net)', async () => {
      const code =
        "export type Parts = typeof import('./undiciParts');\nexport async function load() {\n  return import('./undiciParts');\n}\n";
      assert.deepEqual(await lintMessages('net', code, DYNAMIC), []);
    });
  });

  describe('the browser-side layers load no Node builtin', () => {
    for (const layer of ['protocol', 'webview-ui']) {
      it(`flags node:* and bare builtins in src/${layer}`, async () => {
        const code = "import { readFile } from 'node:fs';\nimport * as path from 'path';\nexport const used = [readFile, path];\n";
        const messages = await lintMessages(layer, code, STATIC);
        assert.equal(messages.length, 2, messages.join('\n'));
        for (const message of messages) assert.match(message, new RegExp(`src/${layer} runs in the browser: no Node builtins`));
      });

      it(`flags an import() of a Node builtin in src/${layer}`, async () => {
        const messages = await lintMessages(layer, "export const fs = () => import('node:fs');\n", DYNAMIC);
        assert.equal(messages.length, 1);
        assert.match(messages[0] ?? '', /runs in the browser/);
      });
    }

    it('lets a host-side pure layer (chat) use Node builtins', async () => {
      assert.deepEqual(await lintMessages('chat', "import { readFile } from 'node:fs';\nexport const r = readFile;\n", STATIC), []);
    });
  });

  describe('nothing in src loads test/', () => {
    for (const layer of ['extension', 'host', 'chat', 'webview-ui']) {
      it(`flags src/${layer} importing test code`, async () => {
        const messages = await lintMessages(layer, "import { startSimulator } from '../../test/simulator';\nexport const s = startSimulator;\n", STATIC);
        assert.equal(messages.length, 1);
        assert.match(messages[0] ?? '', /src\/ never imports test\//);
      });
    }

    it('flags an import() of test code', async () => {
      const messages = await lintMessages('host', "export const sim = () => import('../../test/simulator');\n", DYNAMIC);
      assert.equal(messages.length, 1);
      assert.match(messages[0] ?? '', /src\/ never imports test\//);
    });
  });

  it('keeps vscode out of the pure layers', async () => {
    const messages = await lintMessages('providers', "import * as vscode from 'vscode';\nexport const v = vscode;\n", STATIC);
    assert.equal(messages.length, 1);
    assert.match(messages[0] ?? '', /src\/providers must stay free of vscode/);
  });
});
