/**
 * Which origin a stored key may go to. A key is bound to the origin (scheme +
 * host + port) it was stored for; any other origin needs the user's explicit
 * confirmation, remembered per origin. Pure logic: the key store keeps the
 * bindings, keyOriginGuard asks the user.
 */
import { originOf } from '../profiles/urls';

/** What is remembered per profile id (global state; never the key itself). */
export interface KeyBinding {
  /** The origin the key was stored for, e.g. `https://api.ecovai.cn`. */
  origin: string;
  /** Other origins the user confirmed for this key. */
  allowed: string[];
}

export { originOf };

export type KeyUse =
  /** The destination is the bound origin or one the user confirmed. */
  | { kind: 'send' }
  /** Anywhere else: ask the user first. `storedFor` is the origin the key is bound to, when there is one. */
  | { kind: 'confirm'; storedFor?: string };

/** Whether a stored key may be sent to `destination` (an origin) without asking. */
export function decideKeyUse(binding: KeyBinding | undefined, destination: string | undefined): KeyUse {
  if (binding && destination !== undefined && (destination === binding.origin || binding.allowed.includes(destination))) return { kind: 'send' };
  return binding ? { kind: 'confirm', storedFor: binding.origin } : { kind: 'confirm' };
}

/**
 * Migration of a key stored before bindings existed: it is bound, at first use,
 * to the origin of the same profile id in the user's own settings (or the
 * built-in defaults) — never to one a workspace supplies. Without such a
 * profile it stays unbound, and every destination asks.
 */
export function migratedBinding(binding: KeyBinding | undefined, userOrigin: string | undefined): KeyBinding | undefined {
  return binding ?? (userOrigin !== undefined ? { origin: userOrigin, allowed: [] } : undefined);
}

/** The binding after the user confirmed `origin` (kept in `allowed`; an unbound key is bound to it). */
export function withAllowed(binding: KeyBinding | undefined, origin: string): KeyBinding {
  if (!binding) return { origin, allowed: [] };
  if (binding.origin === origin || binding.allowed.includes(origin)) return binding;
  return { origin: binding.origin, allowed: [...binding.allowed, origin] };
}

/** Reads the stored map leniently: anything malformed is dropped (and then asks again, never sends silently). */
export function parseBindings(raw: unknown): Record<string, KeyBinding> {
  const out: Record<string, KeyBinding> = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!value || typeof value !== 'object') continue;
    const { origin, allowed } = value as { origin?: unknown; allowed?: unknown };
    if (typeof origin !== 'string' || originOf(origin) !== origin) continue;
    const extra = Array.isArray(allowed) ? allowed.filter((a): a is string => typeof a === 'string' && originOf(a) === a) : [];
    out[id] = { origin, allowed: extra };
  }
  return out;
}
