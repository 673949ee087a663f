/**
 * Under test only: a ChatApi that records what the commands asked before
 * passing it on, so integration tests can check the prompt a command built
 * from a real editor selection.
 */
import type { AskOptions, FocusedChatApi } from '../chat/ports';
import type { Attachment } from '../protocol/model';

export class RecordingChat implements FocusedChatApi {
  private readonly recorded: AskOptions[] = [];

  constructor(private readonly inner: FocusedChatApi) {}

  asks(): AskOptions[] {
    return [...this.recorded];
  }

  ask(options: AskOptions): Promise<void> {
    this.recorded.push(structuredClone(options));
    return this.inner.ask(options);
  }

  newChat(): void {
    this.inner.newChat();
  }

  exportMarkdown(): string | undefined {
    return this.inner.exportMarkdown();
  }

  stop(): void {
    this.inner.stop();
  }

  addAttachments(attachments: Attachment[]): Promise<number> {
    return this.inner.addAttachments(attachments);
  }

  reveal(): Promise<void> {
    return this.inner.reveal();
  }
}
