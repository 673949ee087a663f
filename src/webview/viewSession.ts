/**
 * The host end of one webview page, without VS Code: nothing is posted until
 * the page says `ready`; then `init` (strings + whole state) goes first and
 * updates follow. Everything received is validated and routed by type;
 * everything posted is validated too (strict schemas: an unexpected field —
 * say a key — stops the message). `reset()` when the page goes away (hidden
 * or disposed); its next `ready` brings the whole state again.
 */
import { HostMessageSchema, parseWebviewMessage, type HostMessage } from '../protocol/messages';
import { routeMessage, type WebviewMessageHandlers } from './messageRouter';

export interface ViewSessionOptions {
  /** Delivers a message to the page (webview.postMessage). */
  deliver(message: HostMessage): void;
  /** The `init` message: built when the page is ready, so it holds the state of that moment. */
  init(): Extract<HostMessage, { type: 'init' }>;
  /** Messages that waited for a page (e.g. notices raised while none was ready), posted right after `init`. */
  afterInit?(): HostMessage[];
  handlers: Omit<WebviewMessageHandlers, 'ready'>;
  log(line: string): void;
  /** Called when a handler throws (after logging). */
  onHandlerError?(type: string): void;
}

export class ViewSession {
  private ready = false;

  constructor(private readonly options: ViewSessionOptions) {}

  get isReady(): boolean {
    return this.ready;
  }

  reset(): void {
    this.ready = false;
  }

  post(message: HostMessage): void {
    if (!this.ready) return;
    const checked = HostMessageSchema.safeParse(message);
    if (!checked.success) {
      this.options.log(`chat view: not posting an invalid "${message.type}" message`);
      return;
    }
    this.options.deliver(checked.data);
  }

  async receive(data: unknown): Promise<void> {
    const parsed = parseWebviewMessage(data);
    if (!parsed.ok) {
      this.options.log(`chat view: ignored ${parsed.error}`);
      return;
    }
    const handlers: WebviewMessageHandlers = { ...this.options.handlers, ready: () => this.onReady() };
    try {
      await routeMessage(handlers, parsed.message);
    } catch (error) {
      this.options.log(`chat view: "${parsed.message.type}" failed: ${error instanceof Error ? error.message : String(error)}`);
      this.options.onHandlerError?.(parsed.message.type);
    }
  }

  private onReady(): void {
    this.ready = true;
    this.post(this.options.init());
    for (const message of this.options.afterInit?.() ?? []) this.post(message);
  }
}
