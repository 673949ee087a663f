/** The one handle to the host: typed posting, and the page's saved UI state (draft text). */
import type { WebviewMessage } from '../protocol/messages';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export function post(message: WebviewMessage): void {
  api.postMessage(message);
}

export interface PageState {
  draft?: string;
  /** The conversation shown: an editor tab restored after a reload opens it again (its serializer gets this state). */
  conversationId?: string;
}

export function pageState(): PageState {
  const state = api.getState();
  return typeof state === 'object' && state !== null ? (state as PageState) : {};
}

export function savePageState(state: PageState): void {
  api.setState(state);
}
