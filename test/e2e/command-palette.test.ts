import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { closeWorkbench, openWorkbench, parleyViewlet, runCommand, screenshot } from './support/workbench';

describe('Parley from the command palette', () => {
  let page: Page | undefined;
  before(async () => {
    page = await openWorkbench();
  });
  after(() => closeWorkbench(page));

  it('"Parley: Focus Chat" opens Parley\'s view', async () => {
    assert.ok(page);
    assert.equal(await parleyViewlet(page).isVisible(), false, 'Parley is not open before the command');
    await runCommand(page, 'Parley: Focus Chat');
    await parleyViewlet(page).waitFor({ state: 'visible' });
    await screenshot(page, 'command-palette-1-focus-chat');
  });
});
