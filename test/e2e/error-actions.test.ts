// Error cards whose button fixes the problem (issue 4, "Using it"): Set API
// Key asks for the key of the provider that failed and answers the question
// again; a provider refusing for its quota offers Open Settings, which opens
// Parley's provider settings; Emma out of credit offers its Billing page in the
// browser. (Retry: chat-actions.test.ts.)
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { lastTurn, newChat, pickProvider, replyBody, replyFooter, sendMessage, showChat, simulatorRequests, waitForReplyEnd, waitForSimulator, restoreProviderAndClose } from './support/chat';
import { activeTab } from './support/editor';
import { answerInputBox, modalDialog, openWorkbench, quickInput, runCommand, screenshot } from './support/workbench';

const OPENAI = 'Simulator: OpenAI-compatible';
const KEY_BOX_TITLE = `API key for ${OPENAI}`;

describe('Error card actions', () => {
  let page: Page | undefined;
  before(async () => {
    page = await openWorkbench();
  });
  after(() => restoreProviderAndClose(page));

  it('Set API Key asks for the failing provider\'s key, then answers the question again', async () => {
    assert.ok(page);
    await showChat(page);
    await newChat(page);
    await pickProvider(page, `${OPENAI} · sim-model`);
    await sendMessage(page, 'Hello, who are you?');
    // The endpoint is on loopback, where Parley does not insist on a key (local servers need none):
    // the request goes out without one and the server refuses it (401).
    const turn = lastTurn(page);
    const card = turn.locator('.error-card');
    await card.waitFor();
    assert.equal(await card.getAttribute('data-error-code'), 'auth');
    await screenshot(page, 'errors-1-set-api-key-card');
    const before = (await simulatorRequests()).length;
    await card.getByRole('button', { name: 'Set API Key' }).click();
    // The key of this profile is asked for directly (no provider pick), and the question is asked again.
    await answerInputBox(page, 'sim-openai-key', KEY_BOX_TITLE);
    const requests = await waitForSimulator((all) => all.length > before && all[before]?.outcome === 'completed');
    assert.equal(requests[before]?.path, '/v1/chat/completions');
    assert.equal(requests[before]?.outcome, 'completed');
    await turn.locator('.error-card').waitFor({ state: 'detached' });
    await waitForReplyEnd(lastTurn(page));
    assert.match(await replyBody(lastTurn(page)).innerText(), /simulated assistant/);
    assert.match(await replyFooter(lastTurn(page)).innerText(), /^Simulator: OpenAI-compatible · sim-model · /);
  });

  it('a quota refusal offers Open Settings, which opens Parley\'s provider settings', async () => {
    assert.ok(page);
    // A key the simulator accepts but whose account has no credit left (HTTP 403 insufficient_user_quota).
    await runCommand(page, 'Parley: Set API Key', { opensQuickInput: true });
    await quickInput(page).getByRole('option', { name: new RegExp(`^${OPENAI}`) }).first().click();
    await answerInputBox(page, 'sim-openai-nocredit', KEY_BOX_TITLE);
    await newChat(page);
    await sendMessage(page, 'Hello, who are you?');
    const card = lastTurn(page).locator('.error-card');
    await card.waitFor();
    assert.equal(await card.getAttribute('data-error-code'), 'quota');
    await screenshot(page, 'errors-2-quota-card');
    await card.getByRole('button', { name: 'Open Settings' }).click();
    await activeTab(page).and(page.locator('[aria-label^="Settings"]')).waitFor();
    const search = page.locator('.settings-editor .settings-header .suggest-input-container .view-lines');
    await search.filter({ hasText: 'parley.providers' }).waitFor();
    await page.locator('.settings-editor .setting-item-title', { hasText: /^Parley:\s*Providers$/ }).first().waitFor({ state: 'visible' });
    await screenshot(page, 'errors-3-open-settings');
  });

  it('Emma out of credit (402) offers Top Up Credit, which opens Emma\'s site in the browser', async () => {
    assert.ok(page);
    await runCommand(page, 'Parley: Set API Key', { opensQuickInput: true });
    await quickInput(page).getByRole('option', { name: /^Simulator: Emma/ }).first().click();
    await answerInputBox(page, 'sim-emma-nocredit', 'API key for Simulator: Emma');
    await showChat(page);
    await newChat(page);
    await pickProvider(page, 'Simulator: Emma · emma-5');
    await sendMessage(page, 'Ciao, chi sei?');
    const card = lastTurn(page).locator('.error-card');
    await card.waitFor();
    assert.equal(await card.getAttribute('data-error-code'), 'quota');
    assert.match(await card.innerText(), /top up under Billing/);
    await screenshot(page, 'errors-4-emma-billing-card');
    // The page is not fetched: the test only checks where the browser is sent.
    await page.context().route('https://emma.egomnia.com/**', (route) => route.fulfill({ status: 200, body: 'Emma' }));
    const opened = page.context().waitForEvent('page', { timeout: 60_000 });
    await card.getByRole('button', { name: 'Top Up Credit (Emma Billing)' }).click();
    // VS Code asks before opening an external site, naming it.
    const dialog = modalDialog(page);
    await dialog.filter({ hasText: 'emma.egomnia.com' }).waitFor();
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    const tab = await opened;
    assert.match(tab.url(), /^https:\/\/emma\.egomnia\.com\//);
    await tab.close();
  });
});
