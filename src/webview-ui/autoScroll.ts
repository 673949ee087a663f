/**
 * Keeps a scrolling list pinned to the bottom while content grows, unless the
 * user scrolled up. Only scrolls the user made count: a scroll event is judged
 * only shortly after the user's own input on the list (wheel, touch, a key, a
 * press on its scrollbar). Scroll events without such input — our own
 * programmatic scroll arriving a frame later, the browser's scroll anchoring
 * or clamping when content above changes size (lazily rendered turns,
 * `content-visibility` placeholders, a font loading) — never stop the
 * following. Reaching the bottom again, by any means, follows again.
 */
const SLACK_PX = 24;
/** A scroll event this long after the user's last input on the list is still theirs (wheel momentum, a dragged scrollbar). */
const USER_SCROLL_MS = 600;

export class AutoScroll {
  private following = true;
  private lastUserInput = Number.NEGATIVE_INFINITY;

  constructor(private readonly scroller: HTMLElement) {
    const userInput = (): void => {
      this.lastUserInput = performance.now();
    };
    for (const type of ['wheel', 'touchmove', 'pointerdown', 'keydown'] as const) {
      scroller.addEventListener(type, userInput, { passive: true });
    }
    scroller.addEventListener('scroll', () => {
      const distance = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
      if (distance <= SLACK_PX) this.following = true;
      else if (performance.now() - this.lastUserInput <= USER_SCROLL_MS) this.following = false;
    });
  }

  /** Call after content changed. */
  update(): void {
    if (!this.following) return;
    this.scroller.scrollTop = this.scroller.scrollHeight;
  }

  /** Follow again (a new question was sent, a conversation opened). */
  pin(): void {
    this.following = true;
    this.update();
  }
}
