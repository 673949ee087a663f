// Editor helpers for UI tests: open a workspace file, select lines, use the
// editor's context menu. Each waits for a concrete signal.
//   await openFile(page, 'sample.ts');
//   await selectLines(page, 2, 4);
//   await editorContextMenu(page, 'Parley: Explain Selection');
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';

export function activeEditor(page: Page): Locator {
  // Editor panes of other open tabs (e.g. a diff editor) stay in the DOM, hidden: take the one shown.
  return page.locator('.part.editor .editor-instance .monaco-editor').filter({ visible: true }).first();
}

/** What a diff editor's title puts between its two sides. */
const DIFF_SEPARATOR = '↔';

/** How long a file just written into the workspace may take to reach Quick Open's file index. */
const FILE_INDEX_MS = 60_000;

/** Opens a file of the workspace through Quick Open (Ctrl+P). */
export async function openFile(page: Page, relativePath: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('input');
  const name = path.basename(relativePath);
  // Editor history also lists diff editors of the file ("counter.ts ↔ Parley suggestion"): pick the file itself.
  const option = widget
    .getByRole('option', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`) })
    .filter({ hasNotText: DIFF_SEPARATOR })
    .first();
  // A file written a moment ago may not be in the file index yet: ask again until it is.
  for (const deadline = Date.now() + FILE_INDEX_MS; ; ) {
    await page.keyboard.press('Control+P');
    await input.waitFor({ state: 'visible' });
    await input.fill(relativePath);
    const listed = await option.waitFor({ timeout: 10_000 }).then(() => true, () => false);
    if (listed) break;
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden' });
    if (Date.now() > deadline) throw new Error(`Quick Open does not find ${relativePath}`);
  }
  await option.click();
  await page.locator(`.part.editor .tab.active[data-resource-name="${name}"]`).filter({ hasNotText: DIFF_SEPARATOR }).waitFor();
  await activeEditor(page).locator('.view-lines').waitFor();
}

/** Selects whole lines `from`..`to` (1-based) in the active editor. */
export async function selectLines(page: Page, from: number, to: number): Promise<void> {
  await activeEditor(page).locator('.view-lines').click();
  // The click drops an earlier selection; wait for that, or the checks below would see the old one.
  await selectionStatus(page).waitFor({ state: 'hidden' });
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${from}`);
  await input.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.keyboard.press('Home');
  for (let line = from; line <= to; line++) await page.keyboard.press('Shift+ArrowDown');
  await selectionStatus(page).waitFor();
}

/** The status bar item that reports a selection ("Ln 5, Col 1 (75 selected)"). */
export function selectionStatus(page: Page): Locator {
  return page.locator('.statusbar-item', { hasText: /selected\)/ });
}

/** Right-clicks the active editor's selection; resolves with the open context menu. */
export async function openEditorContextMenu(page: Page): Promise<Locator> {
  // The selection highlight lies under the text layer, which takes the click: force
  // the click at the highlight's position instead of waiting for it to be on top.
  // A selection that ends at column 1 also draws an empty piece on its last line
  // (zero width, not visible): click a piece that has a size.
  await activeEditor(page).locator('.selected-text >> visible=true').first().click({ button: 'right', force: true });
  const menu = page.locator('.monaco-menu');
  await menu.waitFor({ state: 'visible' });
  return menu;
}

/**
 * Chooses a context-menu item the way a keyboard user does: the mouse moves onto it
 * (which focuses it), then Enter. A mouse click is not reliable here: a menu item
 * listens for mouse-up only from 100 ms after it is drawn (so the right-click that
 * opened the menu cannot choose an item), and on a loaded machine that timer can
 * still be pending when the click lands — the click is swallowed and the menu
 * stays open (seen in a CI run under load). Enter is handled from the start.
 */
export async function chooseMenuItem(page: Page, item: Locator): Promise<void> {
  await item.waitFor({ state: 'visible' });
  await item.hover();
  const element = await item.elementHandle();
  // Menus live in a shadow root: the focused element is that root's activeElement.
  // (The test code has no DOM types: the root is described by what is read from it.)
  await page.waitForFunction((el) => el !== null && (el.getRootNode() as unknown as { activeElement: unknown }).activeElement === el, element);
  await page.keyboard.press('Enter');
  await page.locator('.monaco-menu').first().waitFor({ state: 'hidden' });
}

/** Right-clicks the active editor's selection and chooses the menu item `label`. */
export async function editorContextMenu(page: Page, label: string): Promise<void> {
  const menu = await openEditorContextMenu(page);
  await chooseMenuItem(page, menu.getByRole('menuitem', { name: label }));
}

/** The text an editor shows (its rendered lines; spaces as the editor draws them are turned back into spaces). */
export async function editorText(editor: Locator): Promise<string> {
  return (await editor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
}

/** The active editor tab (its `aria-label` holds the title). */
export function activeTab(page: Page): Locator {
  return page.locator('.part.editor .tab.active');
}

/** The status bar's language mode of the active editor ("TypeScript", "Python", …). */
export function languageStatus(page: Page): Locator {
  return page.locator('.statusbar [id="status.editor.mode"]');
}

/** The diff editor in the editor area, with its two sides. */
export function diffEditor(page: Page): { root: Locator; original: Locator; modified: Locator } {
  const root = page.locator('.part.editor .monaco-diff-editor').first();
  return { root, original: root.locator('.editor.original .monaco-editor').first(), modified: root.locator('.editor.modified .monaco-editor').first() };
}
