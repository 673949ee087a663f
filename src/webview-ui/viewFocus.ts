/**
 * Focusing the chat view from the keyboard ("Parley: Focus Chat", Ctrl+Alt+J,
 * "Focus on Chat View") focuses the page but no element in it, so typing went
 * nowhere. When the page gains the focus and nothing in it has it, the
 * composer takes it. A click decides the focus itself (and may be the start
 * of a text selection), so focus that follows a pointer press is left alone.
 */
const POINTER_FOCUS_MS = 1000;

export function focusWhenViewFocused(focus: () => void): void {
  let pointerDownAt = Number.NEGATIVE_INFINITY;
  window.addEventListener('pointerdown', () => (pointerDownAt = performance.now()), true);
  window.addEventListener('focus', () => {
    if (performance.now() - pointerDownAt < POINTER_FOCUS_MS) return;
    const active = document.activeElement;
    if (active === null || active === document.body || active === document.documentElement) focus();
  });
}
