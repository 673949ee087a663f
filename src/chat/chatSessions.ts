/**
 * The open chat sessions (the side bar's and one per editor tab), which one
 * had the focus last, and who holds which conversation. Editor commands go to
 * the last focused session (the side bar until another one is focused), and
 * reveal it once; a conversation is open in one session at most.
 */
import type { Attachment } from '../protocol/model';
import type { AskOptions, ChatApi, FocusedChatApi } from './ports';

/** What the registry and the commands need of a session (the webview layer implements it). */
export interface ChatSession {
  /** The session's own chat: its conversation and the reply it streams. */
  readonly chat: ChatApi & { current(): { id: string } };
  /** Shows the session's view (the side bar view, or its editor tab); with `preserveFocus` the keyboard focus stays where it is. */
  reveal(options: { preserveFocus: boolean }): Promise<void>;
  /** Puts the keyboard focus in the session's composer (once its page is ready). */
  focusInput(): void;
}

export class ChatSessions<S extends ChatSession = ChatSession> {
  /** Open sessions, least recently focused first: the last one is where commands go. */
  private readonly order: S[] = [];
  /** The side bar's session: the target before any other was focused, and never removed. */
  private primary: S | undefined;

  /** Adds the primary session (the side bar), without taking the focus from a session added before. */
  addPrimary(session: S): void {
    this.primary = session;
    this.order.unshift(session);
  }

  /** Adds a session; it becomes the focused one (a new tab takes the focus). */
  add(session: S): void {
    this.focused(session);
  }

  /** The session was closed: commands go to the one focused before it. The primary session stays. */
  remove(session: S): void {
    if (session === this.primary) return;
    const index = this.order.indexOf(session);
    if (index >= 0) this.order.splice(index, 1);
  }

  /** The session got the focus: commands go there from now on. */
  focused(session: S): void {
    const index = this.order.indexOf(session);
    if (index >= 0) this.order.splice(index, 1);
    this.order.push(session);
  }

  /** Where editor commands go: the last focused session still open. */
  target(): S {
    const session = this.order.at(-1);
    if (!session) throw new Error('no chat session is open');
    return session;
  }

  all(): readonly S[] {
    return [...this.order];
  }

  /** The session showing the conversation, if any (optionally other than `except`). */
  holderOf(conversationId: string, except?: S): S | undefined {
    return this.order.find((session) => session !== except && session.chat.current().id === conversationId);
  }
}

/**
 * The ChatApi the commands use: every call goes to the last focused session,
 * which is revealed once before a question streams into it.
 */
export class FocusedSessionChat implements FocusedChatApi {
  constructor(private readonly sessions: Pick<ChatSessions, 'target'>) {}

  async ask(options: AskOptions): Promise<void> {
    const session = this.sessions.target();
    // Once, and into the view: the reply is seen streaming.
    await session.reveal({ preserveFocus: false });
    await session.chat.ask(options);
  }

  newChat(): void {
    const session = this.sessions.target();
    session.chat.newChat();
    session.reveal({ preserveFocus: false }).then(
      () => session.focusInput(),
      () => undefined, // nothing to focus when the view cannot be shown; the new chat is there when it is
    );
  }

  exportMarkdown(): string | undefined {
    return this.sessions.target().chat.exportMarkdown();
  }

  stop(): void {
    this.sessions.target().chat.stop();
  }

  async addAttachments(attachments: Attachment[]): Promise<number> {
    const session = this.sessions.target();
    await session.reveal({ preserveFocus: true });
    const added = await session.chat.addAttachments(attachments);
    session.focusInput();
    return added;
  }

  /** Shows the focused session (Focus Chat). */
  async reveal(): Promise<void> {
    const session = this.sessions.target();
    await session.reveal({ preserveFocus: false });
    session.focusInput();
  }
}
