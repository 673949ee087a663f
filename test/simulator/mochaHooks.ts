/**
 * Mocha hooks for a suite that talks to the simulator: one server for the
 * suite (no streaming delay), recorded requests and faults cleared before
 * each test. `onStart` receives the server so the suite can keep it in a variable.
 */
import { startSimulator, type Simulator } from './server';

export function useSimulator(onStart: (sim: Simulator) => void): void {
  let sim: Simulator | undefined;
  before(async () => {
    sim = await startSimulator({ delayMs: 0 });
    onStart(sim);
  });
  after(() => sim?.close());
  beforeEach(() => {
    sim?.clearRequests();
    sim?.setFault(undefined);
  });
}
