/** Turns a failure into the error card shown in place of (or under) the reply. */
import { isProviderError, type ProviderErrorCode } from '../net/errors';
import type { ErrorAction, ReplyError } from '../protocol/model';
import type { ChatTexts } from './chatTexts';

const ACTION_BY_CODE: Record<ProviderErrorCode, ErrorAction | undefined> = {
  auth: 'setApiKey',
  quota: 'openSettings',
  invalid_request: 'openSettings',
  not_found: 'openSettings',
  unavailable: 'retry',
  rate_limited: 'retry',
  timeout: 'retry',
  network: 'retry',
  protocol: 'retry',
  cancelled: undefined,
};

export function actionFor(code: ProviderErrorCode): ErrorAction | undefined {
  return ACTION_BY_CODE[code];
}

/** A ProviderError keeps its (user-facing) message; anything else gets a generic one. */
export function toReplyError(error: unknown, texts: ChatTexts): ReplyError {
  if (isProviderError(error)) {
    const action = actionFor(error.code);
    return action === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, action };
  }
  return { code: 'unexpected', message: texts.unexpectedError, action: 'retry' };
}
