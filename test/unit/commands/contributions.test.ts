import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { BUILTIN_PROMPTS } from '../../../src/chat/prompts';

interface Manifest {
  activationEvents: string[];
  contributes: {
    commands: { command: string; category?: string }[];
    menus: Record<string, { command?: string; submenu?: string; when?: string }[]>;
    submenus: { id: string }[];
    keybindings: { command: string; key: string; mac?: string }[];
    walkthroughs: { steps: { media: { markdown?: string } }[] }[];
    languageModelChatProviders: { vendor: string; displayName: string; managementCommand?: string }[];
  };
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
const commands = pkg.contributes.commands.map((c) => c.command);
/** Sources that register commands: the commands layer, the chat view (its view-title commands) and the language models (Refresh Model Lists). */
const commandSource = ['src/commands', 'src/webview', 'src/lm']
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(`${dir}/${f}`, 'utf8')))
  .join('\n');

describe('contributed commands and menus', () => {
  it('contributes every command the issue asks for, all in the "Parley" category', () => {
    for (const id of [
      'parley.ask', 'parley.newChat', 'parley.focusChat', 'parley.explainSelection', 'parley.findBugs', 'parley.refactor',
      'parley.writeTests', 'parley.addDocumentation', 'parley.askAboutSelection', 'parley.runPrompt', 'parley.switchProvider',
      'parley.setApiKey', 'parley.clearApiKey', 'parley.manageProviders', 'parley.exportChat', 'parley.showLogs', 'parley.removeAllKeys',
      'parley.addSelectionToChat', 'parley.addFileToChat',
    ]) {
      assert.ok(commands.includes(id), id);
    }
    assert.ok(pkg.contributes.commands.every((c) => c.category === 'Parley'));
  });

  it('declares the language model provider: vendor "parley", managed by Manage Providers', () => {
    assert.deepEqual(pkg.contributes.languageModelChatProviders, [
      { vendor: 'parley', displayName: 'Parley', managementCommand: 'parley.manageProviders' },
    ]);
    assert.ok(readFileSync('src/lm/index.ts', 'utf8').includes("LM_VENDOR = 'parley'"));
  });

  it('registers every contributed command (src/commands, src/webview, src/lm)', () => {
    const builtins = BUILTIN_PROMPTS.map((p) => `parley.${p.id}`);
    const unregistered = commands.filter((id) => !builtins.includes(id) && !commandSource.includes(`'${id}'`));
    assert.deepEqual(unregistered, []);
  });

  it('shows Explain Selection, Add Selection to Parley Chat and the Parley submenu in the editor context menu only with a selection', () => {
    const context = pkg.contributes.menus['editor/context']!;
    assert.deepEqual(
      context.map((m) => [m.command ?? m.submenu, m.when]),
      [
        ['parley.explainSelection', 'editorHasSelection'],
        ['parley.addSelectionToChat', 'editorHasSelection'],
        ['parley.editorContext', 'editorHasSelection'],
      ],
    );
    const submenu = pkg.contributes.menus['parley.editorContext']!.map((m) => m.command);
    for (const id of ['parley.findBugs', 'parley.refactor', 'parley.writeTests', 'parley.addDocumentation', 'parley.askAboutSelection']) {
      assert.ok(submenu.includes(id), id);
    }
    assert.deepEqual(pkg.contributes.submenus.map((s) => s.id), ['parley.editorContext']);
  });

  it('menus reference only contributed commands', () => {
    for (const [menu, items] of Object.entries(pkg.contributes.menus)) {
      for (const item of items) if (item.command) assert.ok(commands.includes(item.command), `${menu}: ${item.command}`);
    }
  });

  it('binds Focus Chat, Explain Selection and Add Selection to Ctrl+Alt / Cmd+Alt keys chosen to avoid defaults and AltGr letters', () => {
    const keys = Object.fromEntries(pkg.contributes.keybindings.map((k) => [k.command, [k.key, k.mac]]));
    assert.deepEqual(keys, {
      'parley.focusChat': ['ctrl+alt+j', 'cmd+alt+j'],
      'parley.explainSelection': ['ctrl+alt+k', 'cmd+alt+k'],
      // U: not an AltGr letter on Windows' it/de/fr/es layouts (those are E, Q, M) and no VS Code 1.139 default uses Ctrl+Alt+U.
      'parley.addSelectionToChat': ['ctrl+alt+u', 'cmd+alt+u'],
    });
  });

  it('offers Add File to Parley Chat in the Explorer (files, several at once) and on editor tabs', () => {
    assert.deepEqual(pkg.contributes.menus['explorer/context']!.map((m) => [m.command, m.when]), [['parley.addFileToChat', '!explorerResourceIsFolder']]);
    assert.deepEqual(pkg.contributes.menus['editor/title/context']!.map((m) => m.command), ['parley.addFileToChat']);
  });

  it('activates lazily: never on "*"', () => {
    assert.ok(!pkg.activationEvents.includes('*'));
    assert.ok(!pkg.activationEvents.includes('onStartupFinished'));
  });

  it('ships the walkthrough markdown it refers to', () => {
    for (const step of pkg.contributes.walkthroughs[0]!.steps) assert.ok(readFileSync(step.media.markdown!, 'utf8').length > 100);
  });
});
