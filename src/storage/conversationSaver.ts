/** What the chat needs of the saved conversations: write one, read one back. */
import type { Conversation } from '../protocol/model';

export interface ConversationSaver {
  save(conversation: Conversation): Promise<void>;
  load(id: string): Promise<Conversation | undefined>;
}
