/**
 * What activate() returns when VS Code runs Parley under test
 * (ExtensionMode.Test) — never in normal use, so no other extension can reach
 * the key store through Parley's exports.
 */
import * as vscode from 'vscode';
import type { AskOptions, FocusedChatApi, ProviderSource } from '../chat/ports';
import { RecordingChat } from './chatRecorder';
import type { Host } from './index';
import type { KeyBinding } from './keyOrigin';
import type { KeyConfirmationRequest } from './keyOriginGuard';

export interface ParleyTestApi {
  /** Parley's own SecretStorage (context.secrets). */
  readonly secrets: vscode.SecretStorage;
  source: ProviderSource;
  /** Problems found in Parley's settings, as reported to the user. */
  settingsProblems(): string[];
  /** Whether SecretStorage holds a key for the profile (the key itself is not exposed). */
  hasKey(profileId: string): Promise<boolean>;
  /** Ids remembered as having a key (global state). */
  storedKeyIds(): string[];
  /** The last lines written to the Parley log channel. */
  logLines(): string[];
  /** Everything Parley keeps in global and workspace state, as JSON. */
  stateSnapshot(): string;
  /** Folder of this extension host's logs (the channel's file lives below its parent). */
  logUri: vscode.Uri;
  /** This extension's global storage folder (conversations live below it; User/settings.json two levels up). */
  globalStorageUri: vscode.Uri;
  /** Everything the commands asked the chat, in order. */
  asks(): AskOptions[];
  /**
   * Answers the "send your key there?" dialog in place of the user (true: send,
   * false: refuse); undefined shows the real dialog again. Every request asked
   * is recorded either way. The UI suite clicks the real dialog.
   */
  answerKeyConfirmations(answer: boolean | undefined): void;
  /** Every "send your key there?" question asked since activation. */
  keyConfirmationsAsked(): KeyConfirmationRequest[];
  /** The origin a profile's key is bound to and the ones the user confirmed (no key). */
  keyBinding(profileId: string): KeyBinding | undefined;
  /**
   * Every message posted to the chat webview since activation, as JSON, plus the
   * view's current state; present only when the chat view was wired in.
   */
  webviewMessages?(): string[];
  /**
   * Opens an editor chat tab restored from `state` (what its page saved) through the
   * same path as the serializer after a reload; resolves with the id of the conversation it shows.
   */
  reviveEditorChat?(state: unknown): Promise<string>;
  /** The conversation each open chat session shows (side bar and editor tabs), the last focused last. */
  sessionConversations?(): string[];
}

/** What the chat sessions offer the test API (kept structural: host does not import webview). */
export interface SessionsUnderTest {
  reviveEditorChatForTest(state: unknown): Promise<string>;
  conversationIds(): string[];
}

/** The part of the chat view the test API watches (kept structural: host does not import webview). */
export interface PostingView {
  post(message: unknown): void;
  state(): unknown;
}

export interface TestWiring {
  /** The chat the commands use: the real one, recorded under test. */
  chat: FocusedChatApi;
  api: ParleyTestApi | undefined;
}

/** Outside ExtensionMode.Test the chat is passed through untouched and there is no API. */
export function wireForTests(
  context: vscode.ExtensionContext,
  host: Host,
  chat: FocusedChatApi,
  view?: PostingView,
  sessions?: SessionsUnderTest,
): TestWiring {
  if (context.extensionMode !== vscode.ExtensionMode.Test) return { chat, api: undefined };
  const recorder = new RecordingChat(chat);
  const api = createTestApi(context, host, recorder);
  if (view) api.webviewMessages = recordPosts(view);
  if (sessions) {
    api.reviveEditorChat = (state) => sessions.reviveEditorChatForTest(state);
    api.sessionConversations = () => sessions.conversationIds();
  }
  return { chat: recorder, api };
}

/** Wraps view.post so every message is also kept (as JSON) for the canary test. */
function recordPosts(view: PostingView): () => string[] {
  const posted: string[] = [];
  const post = view.post.bind(view);
  view.post = (message: unknown) => {
    posted.push(JSON.stringify(message));
    post(message);
  };
  return () => [...posted, JSON.stringify(view.state())];
}

function createTestApi(context: vscode.ExtensionContext, host: Host, recorder: RecordingChat): ParleyTestApi {
  const dump = (memento: vscode.Memento) => Object.fromEntries(memento.keys().map((k) => [k, memento.get(k)]));
  const guard = host.source.guard;
  const realConfirm = guard.confirm;
  const asked: KeyConfirmationRequest[] = [];
  let answer: boolean | undefined;
  guard.confirm = async (request) => {
    asked.push(request);
    return answer === undefined ? realConfirm(request) : answer;
  };
  return {
    answerKeyConfirmations: (value) => {
      answer = value;
    },
    keyConfirmationsAsked: () => [...asked],
    keyBinding: (id) => host.keys.binding(id),
    secrets: context.secrets,
    source: host.source,
    settingsProblems: () => host.settings.problems(),
    hasKey: (id) => host.keys.has(id),
    storedKeyIds: () => host.keys.storedIds(),
    logLines: () => host.log.recent(),
    stateSnapshot: () => JSON.stringify({ global: dump(context.globalState), workspace: dump(context.workspaceState) }),
    logUri: context.logUri,
    globalStorageUri: context.globalStorageUri,
    asks: () => recorder.asks(),
  };
}
