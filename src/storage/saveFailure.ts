/**
 * Why a save failed, in the few kinds a user can act on. Only the error's code
 * is kept (e.g. `EIO`), never its message: that holds the file path.
 */
export const SAVE_FAILURE_KINDS = ['diskFull', 'noPermission', 'newerVersion', 'other'] as const;
export type SaveFailureKind = (typeof SAVE_FAILURE_KINDS)[number];

export interface SaveFailure {
  kind: SaveFailureKind;
  /** The system error code (`ENOSPC`, `EIO`, …) or `unknown`. */
  code: string;
}

const KIND_BY_CODE: Record<string, SaveFailureKind> = {
  ENOSPC: 'diskFull',
  EDQUOT: 'diskFull',
  EFBIG: 'diskFull',
  EACCES: 'noPermission',
  EPERM: 'noPermission',
  EROFS: 'noPermission',
  ENEWERVERSION: 'newerVersion',
};

export function saveFailureOf(error: unknown): SaveFailure {
  const raw = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const code = typeof raw === 'string' && /^[A-Z0-9_]{1,32}$/.test(raw) ? raw : 'unknown';
  return { kind: KIND_BY_CODE[code] ?? 'other', code };
}
