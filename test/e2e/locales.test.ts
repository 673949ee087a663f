// The whole UI in Italian and Chinese: a second code-server per language,
// started with `--locale`. code-server ships no language packs (and none can be
// installed offline), and without one `--locale` alone changes nothing: the web
// workbench takes its display language only from `globalThis._VSCODE_NLS_LANGUAGE`,
// which the language pack's NLS script (WORKBENCH_NLS_URL) sets. The page
// therefore sets that global before the workbench loads, as the pack's script
// would, but without the pack's translated messages: the workbench's own strings
// stay English, while `vscode.env.language` is the locale, so Parley's
// contributions (package.nls.<lang>.json), its runtime strings (l10n bundles)
// and the chat view (strings sent by the host) switch — that is what is asserted.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { startCodeServer, HARNESS_DEFAULT_SETTINGS, type CodeServer } from '../harness/code-server';
import { parleySettings } from '../harness/parley-settings';
import { REPO_ROOT } from '../harness/versions';
import { makeWorkspace } from '../harness/workspace';
import { LOCAL_PROVIDER, lastTurn, newChat, pickProvider, replyBody, sendMessage, showChat, waitForReplyEnd } from './support/chat';
import { openEditorContextMenu, openFile, selectLines } from './support/editor';
import { harness } from './support/harness';
import { VSIX_PATH } from './support/hooks';
import { closeWorkbench, openParley, openWorkbench, screenshot, webviewFrame } from './support/workbench';

interface LocaleCase {
  locale: string;
  name: string;
  emptyTitle: string;
  placeholder: RegExp;
  question: string;
  replyHeading: string;
  paletteTitle: string;
  paletteQuery: string;
  explainSelection: string;
  findBugs: string;
  /** The card of a request the simulator refuses with 401 (no key sent): the text and its action button. */
  badKeyCard: RegExp;
  setApiKey: string;
}

const OPENAI = 'Simulator: OpenAI-compatible';

const CASES: LocaleCase[] = [
  {
    locale: 'it',
    name: 'Italian',
    emptyTitle: 'Benvenuto in Parley',
    placeholder: /^Chiedi a Parley…/,
    question: 'Come funziona la risposta in streaming?',
    replyHeading: 'Come funziona la risposta in streaming',
    paletteTitle: 'Parley: Spiega la selezione',
    paletteQuery: 'Parley: Spiega',
    explainSelection: 'Spiega la selezione',
    findBugs: 'Trova bug',
    badKeyCard: /^Simulator: OpenAI-compatible: la chiave API manca o non è valida — esegui “Parley: Imposta chiave API”$/,
    setApiKey: 'Imposta chiave API',
  },
  {
    locale: 'zh-cn',
    name: 'Chinese',
    emptyTitle: '欢迎使用 Parley',
    placeholder: /^向 Parley 提问…/,
    question: '流式输出是如何工作的？',
    replyHeading: '流式输出是如何工作的',
    paletteTitle: 'Parley: 解释所选代码',
    paletteQuery: 'Parley: 解释',
    explainSelection: '解释所选代码',
    findBugs: '查找 Bug',
    badKeyCard: /^Simulator: OpenAI-compatible：API 密钥缺失或无效 — 请运行 “Parley: 设置 API 密钥”$/,
    setApiKey: '设置 API 密钥',
  },
];

for (const c of CASES) {
  describe(`Parley in ${c.name} (--locale ${c.locale})`, () => {
    let server: CodeServer | undefined;
    let page: Page | undefined;
    before(async function () {
      this.timeout(120_000);
      const workspace = makeWorkspace(path.join(REPO_ROOT, 'test', 'e2e', 'workspace'), `e2e-${c.locale}`);
      server = await startCodeServer({
        workspace,
        settings: { ...HARNESS_DEFAULT_SETTINGS, ...parleySettings(harness().simulatorUrl) },
        vsix: [VSIX_PATH],
        locale: c.locale,
      });
      page = await openWorkbench(workspace, { server, locale: c.locale });
    });
    after(async () => {
      await closeWorkbench(page);
      await server?.stop();
    });

    it('shows the chat view and its reply in the language', async () => {
      assert.ok(page);
      await openParley(page);
      const frame = webviewFrame(page);
      await frame.locator('.empty-state h2', { hasText: c.emptyTitle }).waitFor();
      assert.match((await frame.locator('textarea.composer-input').getAttribute('placeholder')) ?? '', c.placeholder);
      await screenshot(page, `locale-${c.locale}-1-empty-state`);
      await sendMessage(page, c.question);
      const turn = lastTurn(page);
      await replyBody(turn).locator('h2', { hasText: c.replyHeading }).waitFor();
      await waitForReplyEnd(turn);
      await screenshot(page, `locale-${c.locale}-2-chat`);
    });

    it('shows a provider\'s error card in the language', async () => {
      assert.ok(page);
      await showChat(page);
      await newChat(page);
      // On loopback Parley sends the request without a key, and the simulator refuses it (401).
      await pickProvider(page, `${OPENAI} · sim-model`);
      await sendMessage(page, c.question);
      const card = lastTurn(page).locator('.error-card');
      await card.waitFor();
      assert.equal(await card.getAttribute('data-error-code'), 'auth');
      assert.match((await card.locator('.error-message').innerText()).trim(), c.badKeyCard);
      await card.getByRole('button', { name: c.setApiKey, exact: true }).waitFor();
      await screenshot(page, `locale-${c.locale}-5-error-card`);
      await pickProvider(page, LOCAL_PROVIDER);
    });

    it('shows the editor menu and the submenu in the language', async () => {
      assert.ok(page);
      await openFile(page, 'sample.ts');
      await selectLines(page, 2, 4);
      const menu = await openEditorContextMenu(page);
      await menu.getByRole('menuitem', { name: c.explainSelection }).waitFor();
      await menu.getByRole('menuitem', { name: 'Parley', exact: true }).hover();
      await page.locator('.monaco-menu').getByRole('menuitem', { name: c.findBugs, exact: true }).waitFor();
      await screenshot(page, `locale-${c.locale}-3-context-menu`);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.locator('.monaco-menu').waitFor({ state: 'hidden' });
    });

    it('lists Parley\'s commands in the palette in the language', async () => {
      assert.ok(page);
      const widget = page.locator('.quick-input-widget');
      await page.keyboard.press('F1');
      await widget.locator('input').waitFor({ state: 'visible' });
      // The list is virtual: filter enough that the localized title is among the rows shown.
      await widget.locator('input').fill(`>${c.paletteQuery}`);
      const escaped = c.paletteTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      await widget.getByRole('option', { name: new RegExp(`^${escaped}(,|$)`) }).waitFor({ timeout: 10_000 }).catch(async (error: Error) => {
        const shown = await widget.getByRole('option').allInnerTexts();
        throw new Error(`${error.message}\noptions shown: ${JSON.stringify(shown)}`);
      });
      await screenshot(page, `locale-${c.locale}-4-palette`);
      await page.keyboard.press('Escape');
    });
  });
}
