import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openEditorContextMenu, openFile, selectLines, selectionStatus } from './support/editor';
import { closeWorkbench, openWorkbench, screenshot } from './support/workbench';

describe('editor helpers', () => {
  let page: Page | undefined;
  before(async () => {
    page = await openWorkbench();
  });
  after(() => closeWorkbench(page));

  it('opens a workspace file, selects lines and shows the editor context menu', async () => {
    assert.ok(page);
    await openFile(page, 'sample.ts');
    await selectLines(page, 2, 4);
    assert.match(await selectionStatus(page).innerText(), /\(\d+ selected\)/);
    const menu = await openEditorContextMenu(page);
    await menu.getByRole('menuitem', { name: 'Command Palette...' }).waitFor();
    await screenshot(page, 'editor-1-selection-context-menu');
    await page.keyboard.press('Escape');
  });
});
