/**
 * CLI for the provider simulator:
 *   npx tsx test/simulator/main.ts [--port 0] [--delay 10] [--fault KIND]...
 * Prints `SIMULATOR_URL=http://127.0.0.1:PORT` on stdout once listening and runs
 * until SIGTERM / SIGINT. Request lines go to stderr (keys redacted).
 */
import { startSimulator, type Fault } from './server';

function usage(): never {
  console.error('usage: tsx test/simulator/main.ts [--port N] [--delay MS] [--fault KIND]... [--quiet]');
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let port = 0;
  let delayMs = 10;
  let quiet = false;
  const faults: Fault[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => args[++i] ?? usage();
    if (arg === '--port') port = Number(value());
    else if (arg === '--delay') delayMs = Number(value());
    else if (arg === '--fault') faults.push({ kind: value() as Fault['kind'] });
    else if (arg === '--quiet') quiet = true;
    else usage();
  }
  if (!Number.isInteger(port) || port < 0 || !Number.isFinite(delayMs) || delayMs < 0) usage();

  const sim = await startSimulator({ port, delayMs });
  if (faults.length > 0) sim.setFault(faults);
  process.stdout.write(`SIMULATOR_URL=${sim.url}\n`);

  let logged = 0;
  const timer = quiet
    ? undefined
    : setInterval(() => {
        while (logged < sim.requests.length) {
          const r = sim.requests[logged++];
          if (r) console.error(`[simulator] ${r.method} ${r.path}`);
        }
      }, 200);

  const stop = () => {
    if (timer) clearInterval(timer);
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
