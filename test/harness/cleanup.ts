// One place that remembers what the harness started and stops it: on normal
// end, on failure, and on SIGINT/SIGTERM. Each started thing registers a stop
// function; `stopAll()` runs them newest first, once.
type Stop = () => Promise<void>;

const stops: { name: string; stop: Stop }[] = [];
let installed = false;
let stopping: Promise<void> | undefined;

/** Registers `stop` and returns an unregister-and-run function for early stops. */
export function onCleanup(name: string, stop: Stop): () => Promise<void> {
  installSignalHandlers();
  const entry = { name, stop };
  stops.push(entry);
  return async () => {
    const index = stops.indexOf(entry);
    if (index < 0) return;
    stops.splice(index, 1);
    await entry.stop();
  };
}

/** True once stopping has begun (processes ending now are expected to end). */
export function isStopping(): boolean {
  return stopping !== undefined;
}

export function stopAll(): Promise<void> {
  stopping ??= (async () => {
    while (stops.length > 0) {
      const entry = stops.pop();
      if (!entry) break;
      try {
        await entry.stop();
      } catch (error) {
        console.error(`harness: stopping ${entry.name} failed: ${String(error)}`);
      }
    }
  })();
  return stopping;
}

function installSignalHandlers(): void {
  if (installed) return;
  installed = true;
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.on(sig, () => {
      console.error(`\nharness: ${sig} received, stopping everything it started…`);
      void stopAll().finally(() => process.exit(code));
    });
  }
}
