/**
 * Keeps a scrolling list pinned to the bottom while content grows, unless the
 * user scrolled up. Only scrolls the user made count: the scroll event of our
 * own programmatic scroll arrives a frame later, when the content may already
 * have grown (a reply rendered, a font loaded), and must not read as
 * "the user left the bottom".
 */
const SLACK_PX = 24;

export class AutoScroll {
  private following = true;
  /** Where our last programmatic scroll put the list (until a scroll elsewhere is seen). */
  private ownTop: number | undefined;

  constructor(private readonly scroller: HTMLElement) {
    scroller.addEventListener('scroll', () => {
      const top = scroller.scrollTop;
      if (this.ownTop !== undefined && Math.abs(top - this.ownTop) <= 1) return;
      this.ownTop = undefined;
      const distance = scroller.scrollHeight - top - scroller.clientHeight;
      this.following = distance <= SLACK_PX;
    });
  }

  /** Call after content changed. */
  update(): void {
    if (!this.following) return;
    this.scroller.scrollTop = this.scroller.scrollHeight;
    this.ownTop = this.scroller.scrollTop;
  }

  /** Follow again (a new question was sent, a conversation opened). */
  pin(): void {
    this.following = true;
    this.update();
  }
}
