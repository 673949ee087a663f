import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../harness/versions';
import { chatViewPane, closeWorkbench, openParley, openWorkbench, screenshot, webviewFrame } from './support/workbench';

/** The chat view's webview exists once src registers a WebviewViewProvider (chat view work). */
const hasChatViewProvider = fs
  .readFileSync(path.join(REPO_ROOT, 'dist', 'extension.js'), 'utf8')
  .includes('registerWebviewViewProvider');

describe('Parley in the activity bar', () => {
  let page: Page | undefined;
  before(async () => {
    page = await openWorkbench();
  });
  after(() => closeWorkbench(page));

  it('opens Parley\'s chat view from the activity bar', async () => {
    assert.ok(page);
    await screenshot(page, 'activity-bar-1-workbench');
    await openParley(page);
    await chatViewPane(page).waitFor({ state: 'visible' });
    await screenshot(page, 'activity-bar-2-parley-open');
  });

  (hasChatViewProvider ? it : it.skip)('shows the chat view\'s webview content', async () => {
    assert.ok(page);
    await webviewFrame(page).locator('body *').first().waitFor();
    assert.notEqual((await webviewFrame(page).locator('body').innerText()).trim(), '');
    await screenshot(page, 'activity-bar-3-chat-webview');
  });
});
