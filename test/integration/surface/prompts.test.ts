// Each prompt command against a real editor selection: the prompt the
// command hands to the chat (recorded under test) carries the selection as a
// fenced block with language id, workspace-relative name and line range.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ParleyTestApi } from '../../../src/extension';
import { TEST_PROFILES, askOf, editorWith, parley, preserveParleySettings, removeTestFiles, setGlobal } from './helpers';

const SOURCE = [
  '// numbers',
  'export function add(a: number, b: number): number {',
  '  const sum = a + b;',
  '  return sum;',
  '}',
  '',
  'export const answer = add(40, 2);',
  '',
].join('\n');

describe('prompt commands on a real editor selection', () => {
  const settings = preserveParleySettings();
  let api: ParleyTestApi;

  before(async () => {
    api = await parley();
    settings.save();
    await setGlobal('providers', TEST_PROFILES);
    await setGlobal('activeProvider', 'local-test');
    // With the real chat view wired, Emma would otherwise ask for its key at first use.
    await vscode.commands.executeCommand('parley.setApiKey', 'emma-test', 'sk-test-prompts-123456');
  });

  after(async () => {
    await api.secrets.delete('emma-test');
    await settings.restore();
    await removeTestFiles();
  });

  for (const [command, phrase] of [
    ['parley.explainSelection', /^Explain what the following typescript code/],
    ['parley.findBugs', /^Review the following typescript code .* for bugs/],
    ['parley.refactor', /^Refactor the following typescript code/],
    ['parley.writeTests', /^Write unit tests for the following typescript code/],
    ['parley.addDocumentation', /^Add documentation comments to the following typescript code/],
  ] as const) {
    it(`${command} sends the selection as a fenced block with language, file and lines`, async () => {
      const name = `${command.replace('parley.', '')}.ts`;
      const editor = await editorWith(SOURCE, name, 'typescript');
      editor.selection = new vscode.Selection(1, 0, 4, 1);
      const ask = await askOf(api, command);
      assert.match(ask.prompt, phrase);
      assert.match(ask.prompt, new RegExp(`\`\`\`typescript \\S*${name.replace('.', '\\.')}:2-5\\n`));
      assert.match(ask.prompt, /```typescript \S*\.ts:2-5\nexport function add\(a: number, b: number\): number \{\n {2}const sum = a \+ b;\n {2}return sum;\n\}\n```/);
      assert.ok(!ask.prompt.includes('answer = add'), 'only the selection travels');
      assert.match(ask.displayText ?? '', /\.ts:2-5$/);
      assert.equal(ask.notes, undefined, 'nothing to note for a short selection');
      assert.equal(ask.history, false, 'a one-shot command goes without the conversation');
    });
  }

  it('uses a workspace-relative file name', async function () {
    if (!vscode.workspace.workspaceFolders?.length) this.skip();
    const editor = await editorWith(SOURCE, 'rel.ts', 'typescript');
    editor.selection = new vscode.Selection(2, 0, 2, 20);
    const ask = await askOf(api, 'parley.explainSelection');
    assert.match(ask.prompt, /```typescript \.parley-test\/rel\.ts:3\n {2}const sum = a \+ b;\n```/);
  });

  it('Ask About Selection puts the question first and the code after it', async () => {
    const editor = await editorWith(SOURCE, 'ask.ts', 'typescript');
    editor.selection = new vscode.Selection(1, 0, 4, 1);
    const ask = await askOf(api, 'parley.askAboutSelection', 'Can sum overflow?');
    assert.match(ask.prompt, /^Can sum overflow\?\n\nThe question is about this typescript code/);
    assert.match(ask.prompt, /```typescript \S*ask\.ts:2-5\n/);
    assert.match(ask.displayText ?? '', /^Can sum overflow\? · /);
  });

  it('without a selection uses the enclosing block and says so', async () => {
    const editor = await editorWith(SOURCE, 'block.ts', 'typescript');
    editor.selection = new vscode.Selection(2, 4, 2, 4);
    const ask = await askOf(api, 'parley.explainSelection');
    assert.match(ask.prompt, /```typescript \S*block\.ts:2-5\nexport function add/);
    assert.equal(ask.notes?.length, 1);
    assert.match(ask.notes![0]!, /2–5/);
  });

  it('on a blank line with nothing selected says so and sends nothing', async () => {
    const editor = await editorWith(SOURCE, 'blank.ts', 'typescript');
    editor.selection = new vscode.Selection(5, 0, 5, 0);
    const before = api.asks().length;
    await vscode.commands.executeCommand('parley.findBugs');
    assert.equal(api.asks().length, before);
  });

  it('never cuts: a question over Emma\'s 4,500 characters is refused and nothing is sent; 4,500 go whole', async () => {
    await setGlobal('activeProvider', 'emma-test');
    try {
      const before = api.asks().length;
      await vscode.commands.executeCommand('parley.ask', 'q'.repeat(4501));
      assert.equal(api.asks().length, before, 'nothing reached the chat');
      const ask = await askOf(api, 'parley.ask', 'q'.repeat(4500));
      assert.equal(ask.prompt, 'q'.repeat(4500));
      assert.equal(ask.notes, undefined);
    } finally {
      await setGlobal('activeProvider', 'local-test');
    }
  });

  it('runs a user prompt from parley.prompts and reports a bad one by name', async () => {
    await setGlobal('prompts', [
      { id: 'shout', title: 'Shout', template: 'In ${language}, shout about ${fileName}:\n${selection}' },
      { id: 'bad', title: 'Bad', template: 'Look at ${foo}' },
    ]);
    const editor = await editorWith(SOURCE, 'user.ts', 'typescript');
    editor.selection = new vscode.Selection(6, 0, 6, 33);
    const ask = await askOf(api, 'parley.runPrompt', 'shout');
    assert.match(ask.prompt, /^In typescript, shout about \S*user\.ts:\n```typescript \S*user\.ts:7\nexport const answer = add\(40, 2\);\n```$/);
    assert.ok(api.settingsProblems().some((p) => p.startsWith('parley.prompts[1] (id "bad"): unknown variable ${foo}')));
    const before = api.asks().length;
    await vscode.commands.executeCommand('parley.runPrompt', 'bad');
    assert.equal(api.asks().length, before, 'the bad prompt is not run');
  });

  it('Ask… sends a plain question', async () => {
    const ask = await askOf(api, 'parley.ask', 'What is a closure?');
    assert.equal(ask.prompt, 'What is a closure?');
  });
});
