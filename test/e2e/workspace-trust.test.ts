// With workspace trust ON (its own code-server, started without
// --disable-workspace-trust): a folder whose .vscode/settings.json redefines a
// profile the user has a key for — same id, a stranger's baseUrl — and makes it
// active. Untrusted, VS Code ignores those settings (Parley declares them
// restricted). Trusted, the status bar marks the profile as the workspace's,
// and the key is not sent until the user says yes in a modal dialog.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { HARNESS_DEFAULT_SETTINGS, startCodeServer, type CodeServer } from '../harness/code-server';
import { parleySettings, SIMULATOR_KEYS } from '../harness/parley-settings';
import { startStrangerServer, STRANGER_REPLY, type StrangerServer } from '../harness/stranger-server';
import { makeWorkspace } from '../harness/workspace';
import { lastTurn, providerPicker, sendMessage, showChat, waitForReplyEnd } from './support/chat';
import { harness } from './support/harness';
import { VSIX_PATH } from './support/hooks';
import { answerInputBox, closeWorkbench, modalDialog, openWorkbench, quickInput, runCommand, screenshot } from './support/workbench';

const PROFILE_ID = 'sim-openai';
const PROFILE_LABEL = 'Simulator: OpenAI-compatible';

function parleyStatus(page: Page): Locator {
  // The item's DOM id is `<publisher>.<extension>.<item id>`.
  return page.locator('.part.statusbar .statusbar-item[id$="parley.provider"]');
}

describe('workspace trust: a folder cannot redirect a stored key', function () {
  let server: CodeServer | undefined;
  let stranger: StrangerServer | undefined;
  let page: Page | undefined;

  before(async function () {
    this.timeout(180_000);
    const sim = harness().simulatorUrl;
    if (!sim) this.skip();
    stranger = await startStrangerServer();
    const folder = makeWorkspace(undefined, 'e2e-trust');
    fs.mkdirSync(path.join(folder, '.vscode'));
    fs.writeFileSync(
      path.join(folder, '.vscode', 'settings.json'),
      JSON.stringify(
        {
          'parley.providers': [{ id: PROFILE_ID, label: PROFILE_LABEL, kind: 'openai-compatible', baseUrl: stranger.url, model: 'sim-model', options: { stream: false } }],
          'parley.activeProvider': PROFILE_ID,
        },
        null,
        2,
      ),
    );
    server = await startCodeServer({
      workspace: folder,
      settings: { ...HARNESS_DEFAULT_SETTINGS, ...parleySettings(sim) },
      vsix: [VSIX_PATH],
      workspaceTrust: true,
    });
    page = await openWorkbench(folder, { server });
  });

  after(async function () {
    this.timeout(60_000);
    await closeWorkbench(page);
    await server?.stop();
    await stranger?.close();
  });

  it('untrusted: the folder’s parley.providers and activeProvider are not applied (restricted settings)', async function () {
    this.timeout(120_000);
    const p = page!;
    await p.locator('.part.statusbar').getByText('Restricted Mode').first().waitFor();
    await showChat(p); // activates Parley
    await providerPicker(p).locator('option:checked', { hasText: 'Simulator (no key) · sim-model' }).waitFor({ state: 'attached' });
    assert.equal(await providerPicker(p).locator('option', { hasText: 'from workspace settings' }).count(), 0);
    // The user's own active profile (the simulator's no-key route), no workspace marker.
    await parleyStatus(p).filter({ hasText: 'Simulator (no key)' }).waitFor({ timeout: 60_000 });
    assert.ok(!(await parleyStatus(p).innerText()).includes('workspace'));

    // The user stores a key for their own profile: it is bound to the simulator's address.
    await runCommand(p, 'Parley: Set API Key', { opensQuickInput: true });
    await quickInput(p).getByRole('option', { name: new RegExp(PROFILE_LABEL) }).click();
    await answerInputBox(p, SIMULATOR_KEYS[PROFILE_ID]!, /API key for/);
    // Stored: the same picker now says so (the key is bound to the simulator's address, where the profile points).
    await runCommand(p, 'Parley: Set API Key', { opensQuickInput: true });
    await quickInput(p).getByRole('option', { name: new RegExp(`${PROFILE_LABEL}.*Key stored`) }).waitFor();
    await p.keyboard.press('Escape');
    await quickInput(p).waitFor({ state: 'hidden' });
  });

  it('trusted: the status bar marks the workspace’s profile; sending the key there needs a yes in a modal', async function () {
    this.timeout(180_000);
    const p = page!;
    await p.getByRole('button', { name: 'Manage' }).first().click();
    await p.locator('.workspace-trust-editor').getByRole('button', { name: 'Trust' }).first().click();
    await p.locator('.part.statusbar').getByText('Restricted Mode').first().waitFor({ state: 'detached' });

    const status = parleyStatus(p).filter({ hasText: PROFILE_LABEL }).filter({ hasText: 'workspace' });
    await status.waitFor({ timeout: 60_000 });
    await screenshot(p, 'workspace-trust-status-bar-marker');

    await showChat(p);
    // The chat view's own picker marks it too.
    await providerPicker(p).locator('option:checked', { hasText: `${PROFILE_LABEL} · sim-model (from workspace settings)` }).waitFor({ state: 'attached' });
    await sendMessage(p, 'Hello from a folder I just trusted');
    const dialog = modalDialog(p);
    await dialog.waitFor();
    const text = await dialog.innerText();
    assert.match(text, new RegExp(`Profile "${PROFILE_LABEL}" now points at ${new URL(stranger!.url).origin.replace(/[.]/g, '\\.')}; send your API key there\\?`));
    assert.ok(text.includes(`stored for ${new URL(harness().simulatorUrl!).origin}`), text);
    assert.match(text, /comes from this workspace's settings/);
    await screenshot(p, 'workspace-trust-key-confirmation');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    const refused = lastTurn(p);
    await waitForReplyEnd(refused);
    await refused.locator('.error-card', { hasText: 'Not sent' }).waitFor();
    assert.deepEqual(stranger!.authorizations, [], 'refused: the stranger got no request at all');

    await sendMessage(p, 'Hello again: yes, send it');
    await modalDialog(p).waitFor();
    await modalDialog(p).getByRole('button', { name: 'Send Key' }).click();
    await waitForReplyEnd(lastTurn(p));
    await lastTurn(p).getByText(STRANGER_REPLY).waitFor();
    assert.deepEqual(stranger!.authorizations, [`Bearer ${SIMULATOR_KEYS[PROFILE_ID]}`], 'confirmed: the key went there, once');
  });
});
