// Manage Providers never writes over a parley.providers it cannot read: a
// hand-written profile object (instead of a list) is refused with a message
// naming the setting and an Open Settings button; a list with an entry Parley
// cannot read is only changed after the user agrees. The user's settings.json
// is checked byte for byte.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { harness } from './support/harness';
import { activeTab } from './support/editor';
import { closeWorkbench, modalDialog, notification, openWorkbench, quickInput, runCommand, screenshot } from './support/workbench';

function settingsFile(): string {
  return path.join(harness().server.dataDir, 'user', 'User', 'settings.json');
}

function withProviders(original: string, providers: unknown): string {
  const settings = JSON.parse(original) as Record<string, unknown>;
  return `${JSON.stringify({ ...settings, 'parley.providers': providers }, null, 2)}\n`;
}

describe('Manage Providers and a parley.providers it cannot read', () => {
  let page: Page | undefined;
  let original: string | undefined;
  before(() => {
    original = fs.readFileSync(settingsFile(), 'utf8');
  });
  afterEach(async () => {
    await closeWorkbench(page);
    page = undefined;
    if (original !== undefined) fs.writeFileSync(settingsFile(), original);
  });

  it('refuses to replace a profile object that is not in a list, names the setting, and offers Open Settings', async () => {
    assert.ok(original);
    const handWritten = withProviders(original, { id: 'my-server', kind: 'openai-compatible', baseUrl: 'http://127.0.0.1:9/v1', model: 'mine' });
    fs.writeFileSync(settingsFile(), handWritten);
    page = await openWorkbench();
    await runCommand(page, 'Parley: Manage Providers');
    await runCommand(page, 'Notifications: Show Notifications');
    const refusal = notification(page, 'Manage Providers cannot change parley.providers');
    await refusal.waitFor({ state: 'visible' });
    assert.match(await refusal.innerText(), /it is an object, not a list of profiles/);
    assert.ok(await quickInput(page).isHidden(), 'no profile list to pick from (nothing to edit there)');
    await screenshot(page, 'manage-providers-refuses');
    await refusal.getByRole('button', { name: 'Open Settings' }).click();
    await activeTab(page).filter({ hasText: 'settings.json' }).waitFor();
    assert.equal(fs.readFileSync(settingsFile(), 'utf8'), handWritten, 'settings.json is untouched');
  });

  it('asks before changing a list with an entry it cannot read; Cancel leaves it untouched', async () => {
    assert.ok(original);
    const current = (JSON.parse(original) as { 'parley.providers'?: unknown[] })['parley.providers'] ?? [];
    const withBadEntry = withProviders(original, [...current, { id: 'odd', kind: 'gpt-9000' }]);
    fs.writeFileSync(settingsFile(), withBadEntry);
    page = await openWorkbench();
    await runCommand(page, 'Parley: Manage Providers');
    const dialog = modalDialog(page);
    await dialog.waitFor({ state: 'visible' });
    assert.match(await dialog.innerText(), /parley\.providers in your user settings has entries Parley cannot read/);
    assert.match(await dialog.innerText(), /parley\.providers\[\d+\]\.kind \(profile "odd"\) must be one of/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.ok(await quickInput(page).isHidden());
    assert.equal(fs.readFileSync(settingsFile(), 'utf8'), withBadEntry);
  });
});
