// The empty state's buttons do what they say (issue 4, "Using it": "an empty
// state that tells a new user how to pick a provider and set a key, with
// buttons that do it"). (Its text and buttons: chat.test.ts.)
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { lastTurn, newChat, pickProvider, replyFooter, sendMessage, showChat, waitForReplyEnd, restoreProviderAndClose } from './support/chat';
import { answerInputBox, openWorkbench, quickInput, webviewFrame } from './support/workbench';


describe('Empty state buttons', () => {
  let page: Page | undefined;
  before(async () => {
    page = await openWorkbench();
  });
  after(() => restoreProviderAndClose(page));

  it('Manage Providers opens the provider manager with the configured profiles and Add Provider…', async () => {
    assert.ok(page);
    await showChat(page);
    await newChat(page);
    await webviewFrame(page).locator('.empty-state [data-setup-action="manageProviders"]').click();
    const widget = quickInput(page);
    await widget.locator('.quick-input-title', { hasText: 'Manage Providers' }).waitFor({ state: 'visible' });
    for (const name of ['Simulator (no key)', 'Simulator: Emma', 'Simulator: SecondMe', 'Simulator: OpenAI-compatible', 'Add Provider…']) {
      await widget.getByRole('option', { name: new RegExp(name.replace(/[()]/g, '\\$&')) }).first().waitFor();
    }
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden' });
  });

  it('Set API Key stores a key for the chosen provider, which then answers without asking', async () => {
    assert.ok(page);
    await webviewFrame(page).locator('.empty-state [data-setup-action="setApiKey"]').click();
    const widget = quickInput(page);
    await widget.locator('.quick-input-title', { hasText: 'Set API Key' }).waitFor({ state: 'visible' });
    await widget.getByRole('option', { name: /^Simulator: Emma/ }).first().click();
    await answerInputBox(page, 'sim-emma-key', 'API key for Simulator: Emma');
    // The key is in secret storage: Emma answers at once, with no key prompt in between.
    await pickProvider(page, 'Simulator: Emma · emma-5');
    await sendMessage(page, 'Hello, who are you?');
    await waitForReplyEnd(lastTurn(page));
    assert.equal(await lastTurn(page).locator('.error-card').count(), 0);
    assert.equal(await quickInput(page).isVisible(), false, 'no key was asked for');
    assert.match(await replyFooter(lastTurn(page)).innerText(), /^Simulator: Emma · emma-5 · /);
  });
});
