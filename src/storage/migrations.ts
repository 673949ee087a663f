/**
 * The migration chain of the saved-conversation format. `MIGRATIONS[n]` turns
 * the parsed JSON of a version-n file into version n+1; a file is brought up
 * to CONVERSATION_FILE_VERSION step by step before it is validated. Version 1
 * is the first format (and the one written today), so the chain is empty:
 * the first change to the format adds `1: (v1) => v2` here, bumps the version
 * and keeps test/fixtures/conversations/v1/ loading.
 */
export const CONVERSATION_FILE_VERSION = 1;
/** The oldest version any Parley wrote. */
export const OLDEST_FILE_VERSION = 1;

export type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type Migrated = { ok: true; data: Record<string, unknown> } | { ok: false; reason: string };

/** Runs the steps from `from` up to `to`; a missing step is an error, never a silent skip. */
export function migrate(
  data: Record<string, unknown>,
  from: number,
  to: number = CONVERSATION_FILE_VERSION,
  chain: Readonly<Record<number, Migration>> = MIGRATIONS,
): Migrated {
  if (from < OLDEST_FILE_VERSION || from > to) return { ok: false, reason: `format version ${from} is not one Parley wrote` };
  let current = data;
  for (let version = from; version < to; version++) {
    const step = chain[version];
    if (!step) return { ok: false, reason: `no migration from format version ${version}` };
    current = { ...step(current), version: version + 1 };
  }
  return { ok: true, data: current };
}
