/** Turns a failure into the error card shown in place of (or under) the reply. */
import { isProviderError, type ProviderErrorCode } from '../net/errors';
import { redactText } from '../net/redact';
import type { ErrorAction, ReplyError } from '../protocol/model';
import type { ProviderKind } from '../providers/types';
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

/** Emma's credit is topped up on its site (the document's Billing), not in Parley's settings. */
export function actionFor(code: ProviderErrorCode, kind?: ProviderKind): ErrorAction | undefined {
  if (code === 'quota' && kind === 'emma') return 'openBilling';
  return ACTION_BY_CODE[code];
}

/**
 * A ProviderError's text in the user's language (the host's `texts`), redacted;
 * anything else gets a generic message. The card keeps that text: a saved
 * conversation shows it as it was written, in any version.
 */
export function toReplyError(error: unknown, texts: ChatTexts, kind?: ProviderKind): ReplyError {
  if (isProviderError(error)) {
    const action = actionFor(error.code, kind);
    const message = redactText(texts.errorText(error.text));
    return action === undefined ? { code: error.code, message } : { code: error.code, message, action };
  }
  return { code: 'unexpected', message: texts.unexpectedError, action: 'retry' };
}
