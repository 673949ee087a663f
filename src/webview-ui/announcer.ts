/** Polite screen-reader announcements through one aria-live region. */
export class Announcer {
  readonly element: HTMLElement;

  constructor() {
    this.element = document.createElement('div');
    this.element.className = 'visually-hidden';
    this.element.setAttribute('aria-live', 'polite');
    this.element.setAttribute('role', 'status');
  }

  say(text: string): void {
    // Clearing first makes a repeated text be read again.
    this.element.textContent = '';
    requestAnimationFrame(() => (this.element.textContent = text));
  }
}
