// Manage Providers edits what the profile schema (src/profiles) states
// (issue 10, "Provider profiles: one schema"): the options of the profile's
// kind, with the range of its API, and it refuses a value out of that range
// before anything is written.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { restoreProviderAndClose } from './support/chat';
import { openWorkbench, quickInput, runCommand, screenshot, waitForInputBox } from './support/workbench';

describe('Manage Providers: fields from the profile schema', () => {
  let page: Page | undefined;
  before(async () => {
    page = await openWorkbench();
  });
  after(() => restoreProviderAndClose(page));

  it("lists Emma's options and refuses a temperature outside 0.10–1.50 as the user types", async () => {
    assert.ok(page);
    const widget = quickInput(page);
    // Manage Providers asks in its own quick pick: the widget stays open.
    await runCommand(page, 'Parley: Manage Providers', { opensQuickInput: true });
    await widget.locator('.quick-input-title', { hasText: 'Manage Providers' }).waitFor({ state: 'visible' });
    await widget.getByRole('option', { name: /^Simulator: Emma/ }).first().click();
    await widget.getByRole('option', { name: /^Options…/ }).waitFor({ state: 'visible' });
    await widget.getByRole('option', { name: /^Options…/ }).click();
    await widget.locator('.quick-input-title', { hasText: 'Options of Simulator: Emma' }).waitFor({ state: 'visible' });
    for (const name of ['modelKey', 'useRag', 'useHistory', 'mode', 'preset', 'maxNewTokens', 'temperature']) {
      await widget.getByRole('option', { name: new RegExp(`^${name}\\b`) }).first().waitFor({ state: 'visible' });
    }
    await widget.getByRole('option', { name: /^temperature\b/ }).first().click();
    const input = await waitForInputBox(page, 'temperature');
    await widget.getByText('A number from 0.1 to 1.5. Leave empty for the default.').waitFor({ state: 'visible' });
    await input.fill('3');
    await widget.getByText('Enter a number in the range shown.').waitFor({ state: 'visible' });
    await screenshot(page, 'manage-providers-emma-temperature');
    await input.fill('0.7');
    await widget.getByText('Enter a number in the range shown.').waitFor({ state: 'hidden' });
    // Escape leaves the value as it was and goes back to the profile's menu; Escape again closes it.
    await page.keyboard.press('Escape');
    await widget.locator('.quick-input-title', { hasText: 'Provider Simulator: Emma' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden' });
  });
});
