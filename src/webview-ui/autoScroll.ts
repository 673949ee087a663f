/** Keeps a scrolling list pinned to the bottom while content grows, unless the user scrolled up. */
const SLACK_PX = 24;

export class AutoScroll {
  private following = true;

  constructor(private readonly scroller: HTMLElement) {
    scroller.addEventListener('scroll', () => {
      const distance = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
      this.following = distance <= SLACK_PX;
    });
  }

  /** Call after content changed. */
  update(): void {
    if (this.following) this.scroller.scrollTop = this.scroller.scrollHeight;
  }

  /** Follow again (a new question was sent, a conversation opened). */
  pin(): void {
    this.following = true;
    this.update();
  }
}
