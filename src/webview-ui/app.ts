/**
 * The chat view's page: builds the layout once `init` arrives and applies
 * every host message through a typed handler map. The host owns the state;
 * the page only shows it.
 */
import type { HostMessage } from '../protocol/messages';
import type { ViewState } from '../protocol/model';
import { Announcer } from './announcer';
import { Composer } from './composer';
import { h, iconButton } from './dom';
import { acceptFileDrops } from './fileDrop';
import { HistoryPanel } from './historyPanel';
import { MessageList } from './messageList';
import { SaveBanner } from './saveBanner';
import { setStrings, t } from './strings';
import { Toolbar } from './toolbar';
import { focusWhenViewFocused } from './viewFocus';

type Handlers = { [K in HostMessage['type']]: (message: Extract<HostMessage, { type: K }>) => void };

export class App {
  private readonly toolbar: Toolbar;
  private readonly history: HistoryPanel;
  private readonly messages: MessageList;
  private readonly composer: Composer;
  private readonly announcer = new Announcer();
  private readonly saveBanner: SaveBanner;
  private readonly notice: HTMLElement;
  private readonly noticeText: HTMLElement;
  private streamingTurnId: string | undefined;

  constructor(root: HTMLElement, strings: Record<string, string>, state: ViewState) {
    setStrings(strings);
    this.toolbar = new Toolbar();
    this.history = new HistoryPanel();
    this.saveBanner = new SaveBanner();
    this.messages = new MessageList();
    this.composer = new Composer(() => this.messages.lastPrompt());
    this.noticeText = h('span', { class: 'notice-text' });
    const dismiss = iconButton('close', t('dismiss'), { 'data-notice': 'dismiss' });
    dismiss.addEventListener('click', () => (this.notice.hidden = true));
    this.notice = h('div', { class: 'notice', role: 'status' }, this.noticeText, dismiss);
    this.notice.hidden = true;
    root.replaceChildren(this.toolbar.element, this.history.element, this.notice, this.saveBanner.element, this.messages.element, this.composer.element, this.announcer.element);
    acceptFileDrops(root);
    this.applyState(state);
    this.composer.focus();
    focusWhenViewFocused(() => this.composer.focus());
  }

  handle(message: HostMessage): void {
    const handler = this.handlers[message.type] as (message: HostMessage) => void;
    handler(message);
  }

  private readonly handlers: Handlers = {
    init: ({ strings, state }) => {
      setStrings(strings);
      this.applyState(state);
    },
    conversation: ({ conversation }) => {
      this.saveBanner.showFor(conversation.id);
      this.messages.show(conversation);
      const last = conversation.turns.at(-1)?.reply;
      this.setStreaming(last?.status === 'streaming' ? conversation.turns.at(-1)?.id : undefined);
    },
    // Changes to the conversation shown, applied by turn id; one for another conversation is out of step, and dropped.
    turnAdded: ({ conversationId, turn }) => {
      if (!this.messages.addTurn(conversationId, turn)) return this.outOfStep('turnAdded');
      this.setStreaming(turn.reply?.status === 'streaming' ? turn.id : undefined);
    },
    turnUpdated: ({ conversationId, turn }) => {
      if (!this.messages.updateTurn(conversationId, turn)) return this.outOfStep('turnUpdated');
      if (turn.reply?.status === 'streaming') this.setStreaming(turn.id);
      else if (this.streamingTurnId === turn.id) this.setStreaming(undefined);
    },
    turnsRemoved: ({ conversationId, fromTurnId }) => {
      if (!this.messages.removeTurnsFrom(conversationId, fromTurnId)) return this.outOfStep('turnsRemoved');
      if (this.streamingTurnId !== undefined && !this.messages.has(this.streamingTurnId)) this.setStreaming(undefined);
    },
    providers: ({ providers, activeProviderId }) => {
      this.toolbar.setProviders(providers, activeProviderId);
      this.messages.setHasProvider(providers.length > 0);
    },
    reply: ({ turnId, reply, contextNotes }) => {
      this.messages.setReply(turnId, reply, contextNotes);
      const wasStreaming = this.streamingTurnId === turnId;
      if (reply.status === 'streaming') {
        if (!wasStreaming) this.announcer.say(t('announce.replyStarted'));
        this.setStreaming(turnId);
      } else if (wasStreaming || this.streamingTurnId === undefined) {
        this.setStreaming(undefined);
        if (reply.status === 'error') this.announcer.say(`${t('announce.replyError')} ${reply.error?.message ?? ''}`);
        // The reply itself is read from the log region once it stops being aria-busy.
        else if (wasStreaming) this.announcer.say(t('announce.replyDone'));
      }
    },
    replyDelta: ({ turnId, text }) => this.messages.append(turnId, text),
    replyReplace: ({ turnId, text }) => this.messages.replace(turnId, text),
    history: ({ visible, query, items }) => {
      this.toolbar.setHistoryVisible(visible);
      this.history.show(visible, query, items);
    },
    notice: ({ level, text }) => {
      this.noticeText.textContent = text;
      this.notice.className = `notice ${level}`;
      this.notice.hidden = false;
    },
    focusInput: () => this.composer.focus(),
    composer: ({ composer }) => this.composer.setState(composer),
    pickCancelled: () => this.composer.pickCancelled(),
    saveStatus: ({ conversationId, problem }) => this.saveBanner.update(conversationId, problem),
  };

  private applyState(state: ViewState): void {
    this.handle({ type: 'providers', providers: state.providers, ...(state.activeProviderId ? { activeProviderId: state.activeProviderId } : {}) });
    this.handle({ type: 'conversation', conversation: state.conversation });
    this.handle({ type: 'history', ...state.history });
    if (state.composer) this.handle({ type: 'composer', composer: state.composer });
  }

  private outOfStep(type: string): void {
    console.warn(`Parley chat view: ignored a "${type}" message for a conversation or turn not shown`);
  }

  private setStreaming(turnId: string | undefined): void {
    this.streamingTurnId = turnId;
    this.composer.setStreaming(turnId !== undefined);
  }
}
