/**
 * `npm run bench`: every benchmark of the project, one after the other.
 * Each bench lives in its own module and prints its own table.
 */
import { runActivationBench } from './activation';
import { runDecoderBench } from './decoders';
import { runRenderBench } from './render';
import { runConversationBench } from './conversation';
import { runAskingBench } from './asking';
import { runHistorySearchBench } from './historySearch';

const benches: [string, () => void | Promise<void>][] = [
  ['activation', runActivationBench],
  ['decoders', runDecoderBench],
  ['render', () => runRenderBench().then(() => undefined)],
  ['conversation', runConversationBench],
  ['asking', runAskingBench],
  ['history-search', runHistorySearchBench],
];

async function main(): Promise<void> {
  const only = process.argv[2];
  for (const [name, run] of benches) {
    if (only !== undefined && only !== name) continue;
    await run();
    console.log('');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
