/**
 * Whether Manage Providers may write `parley.providers` back: only a list can
 * be edited. Anything else (an object, a string …) was written by hand and
 * would be lost by a write, so it is refused; entries Parley cannot read are
 * kept as they are, but the user is asked before the first write.
 */
import { formatProblem, validateProviders } from './settings';

export type ProvidersWriteCheck =
  | { kind: 'ok' }
  /** The value is not a list: never write over it. `found` says what it is. */
  | { kind: 'notAList'; found: 'object' | 'string' | 'number' | 'boolean' }
  /** A list with entries Parley cannot read; `problems` name them (setting path + what is wrong). */
  | { kind: 'unreadableEntries'; problems: string[] };

/** `value` is the user's own (global) `parley.providers`, undefined when not set. */
export function checkProvidersWrite(value: unknown): ProvidersWriteCheck {
  if (value === undefined || value === null) return { kind: 'ok' };
  if (!Array.isArray(value)) {
    const type = typeof value;
    return { kind: 'notAList', found: type === 'string' || type === 'number' || type === 'boolean' ? type : 'object' };
  }
  const problems = validateProviders(value).problems.map(formatProblem);
  return problems.length === 0 ? { kind: 'ok' } : { kind: 'unreadableEntries', problems };
}
