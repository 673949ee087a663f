/**
 * Work started and not awaited (a save, a refresh, a key read at startup):
 * its failure is written to the log, redacted, instead of vanishing as an
 * unhandled rejection. `void promise` is not allowed in src/ (eslint
 * no-floating-promises without ignoreVoid); this is what replaces it.
 */
import { redactText } from './redact';

/** Starts nothing: attaches the failure handler to work already started. Returns nothing to await. */
export function runInBackground(work: PromiseLike<unknown>, onFailure: (error: unknown) => void): void {
  work.then(undefined, (error: unknown) => {
    try {
      onFailure(error);
    } catch {
      // A failing failure handler has nowhere left to report to.
    }
  });
}

/** A failure handler that logs one redacted line: "<what> failed: <message>". */
export function logFailure(what: string, log: (line: string) => void): (error: unknown) => void {
  return (error) => log(redactText(`${what} failed: ${error instanceof Error ? error.message : String(error)}`));
}
