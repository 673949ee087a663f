/**
 * Watches the chat view's list of turns in a ChatPage (dist/webview.js in
 * Chromium): which turn elements a host message added, which existing ones it
 * rendered again (their question or reply content rebuilt) or touched at all,
 * and whether the turn elements there before are still the same DOM nodes.
 * Code-block toolbars, built lazily as blocks scroll into view, do not count.
 * Used by the incremental-update tests and the asking benchmark.
 */
import type { Page } from 'playwright-core';

export interface TurnWatch {
  /** Turn elements there now. */
  turns: number;
  /** Turn elements put into the list since start() (built anew, or built again in place of an old one). */
  added: number;
  /** Turns there before whose question or reply content was rebuilt. */
  rerendered: number;
  /** Turns there before with any change at all (a button, a status line...). */
  touched: number;
  /** Of the turn elements there at start(), how many are still in the list, as the same nodes. */
  kept: number;
  /** How many turn elements were there at start(). */
  before: number;
}

// Strings, not functions: they run in the page (the tests' tsconfig has no DOM lib, and tsx's
// keepNames would wrap named functions in a helper the page lacks).
const START = `(() => {
  const list = document.querySelector('.messages');
  const watch = { before: Array.from(list.querySelectorAll('.turn')), added: new Set(), rerendered: new Set(), touched: new Set() };
  const turnOf = (node) => (node.nodeType === 1 ? node : node.parentElement)?.closest('.turn') ?? null;
  // A code block's toolbar is built when the block comes into view: scrolling, not a render of its turn.
  const isToolbar = (record) =>
    (record.type === 'childList' && record.removedNodes.length === 0 && [...record.addedNodes].every((node) => node.nodeType === 1 && node.matches('.code-block-toolbar'))) ||
    (record.type === 'attributes' && record.attributeName === 'class' && record.target.matches('.code-block'));
  const note = (records) => {
    for (const record of records) {
      if (isToolbar(record)) continue;
      for (const node of record.addedNodes) if (node.nodeType === 1 && node.matches('.turn')) watch.added.add(node);
      const turn = turnOf(record.target);
      if (!turn || watch.added.has(turn)) continue;
      watch.touched.add(turn);
      const target = record.target.nodeType === 1 ? record.target : record.target.parentElement;
      if (target?.closest('.question-text, .reply-body')) watch.rerendered.add(turn);
    }
  };
  watch.observer = new MutationObserver(note);
  watch.observer.observe(list, { subtree: true, childList: true, characterData: true, attributes: true });
  watch.note = note;
  window.__turnWatch = watch;
})()`;

const READ = `(() => {
  const watch = window.__turnWatch;
  watch.note(watch.observer.takeRecords());
  const now = Array.from(document.querySelectorAll('.messages .turn'));
  const present = new Set(now);
  return {
    turns: now.length,
    added: [...watch.added].filter((turn) => present.has(turn)).length,
    rerendered: [...watch.rerendered].filter((turn) => present.has(turn)).length,
    touched: [...watch.touched].filter((turn) => present.has(turn)).length,
    kept: watch.before.filter((turn) => present.has(turn)).length,
    before: watch.before.length,
  };
})()`;

/** Starts watching the list (forgets an earlier watch). */
export async function startTurnWatch(page: Page): Promise<void> {
  await page.evaluate(START);
}

/** What happened to the list since startTurnWatch(). */
export function readTurnWatch(page: Page): Promise<TurnWatch> {
  return page.evaluate(READ) as Promise<TurnWatch>;
}
