/**
 * Decoder throughput: Parley's SSE and NDJSON decoders next to a peer on the same
 * bytes in the same run.
 * - SSE peer: eventsource-parser (createParser + feed) with a streaming TextDecoder.
 * - NDJSON peer: the Emma seed's own example — TextDecoder({stream}) + split("\n") + buffer.
 * Each figure is the median of several timed runs after warm-up runs.
 */
import { createParser } from 'eventsource-parser';
import { SseDecoder } from '../../src/net/sse';
import { NdjsonDecoder } from '../../src/net/ndjson';
import { chunked, emmaNdjsonStream, openAiSseStream } from './fixtures';

/** Consumes a stream; returns a checksum (items, characters) so both sides can be compared. */
type Run = (chunks: readonly Uint8Array[]) => [number, number];

function parleySse(chunks: readonly Uint8Array[]): [number, number] {
  const decoder = new SseDecoder();
  let events = 0;
  let chars = 0;
  const onEvent = (e: { data: string }): void => {
    events++;
    chars += e.data.length;
  };
  for (const chunk of chunks) decoder.push(chunk, onEvent);
  decoder.end(onEvent);
  return [events, chars];
}

function eventsourceParserSse(chunks: readonly Uint8Array[]): [number, number] {
  let events = 0;
  let chars = 0;
  const parser = createParser({
    onEvent(e) {
      events++;
      chars += e.data.length;
    },
  });
  const text = new TextDecoder();
  for (const chunk of chunks) parser.feed(text.decode(chunk, { stream: true }));
  parser.feed(text.decode());
  return [events, chars];
}

function parleyNdjson(chunks: readonly Uint8Array[]): [number, number] {
  const decoder = new NdjsonDecoder();
  let lines = 0;
  let chars = 0;
  const onLine = (line: string): void => {
    lines++;
    chars += line.length;
  };
  for (const chunk of chunks) decoder.push(chunk, onLine);
  decoder.end(onLine);
  return [lines, chars];
}

/** The JavaScript example of the Emma API documentation, minus JSON.parse. */
function seedNdjson(chunks: readonly Uint8Array[]): [number, number] {
  let count = 0;
  let chars = 0;
  const decoder = new TextDecoder();
  let buf = '';
  for (const value of chunks) {
    buf += decoder.decode(value, { stream: true });
    const lines = buf.split('\n');
    buf = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      count++;
      chars += line.length;
    }
  }
  buf += decoder.decode();
  if (buf.trim()) {
    count++;
    chars += buf.length;
  }
  return [count, chars];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function timeRun(run: Run, chunks: readonly Uint8Array[], bytes: number): number {
  const start = process.hrtime.bigint();
  run(chunks);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return bytes / 1e6 / seconds;
}

/** Median MB/s of `runs` timed runs after `warmup` runs. */
function throughput(run: Run, chunks: readonly Uint8Array[], bytes: number, warmup: number, runs: number): number {
  for (let i = 0; i < warmup; i++) run(chunks);
  const rates: number[] = [];
  for (let i = 0; i < runs; i++) rates.push(timeRun(run, chunks, bytes));
  return median(rates);
}

/**
 * Runs both decoders alternately (ours, peer, peer, ours, …) so that a change in
 * machine load hits both alike; returns the median MB/s of each and the median of
 * the per-round ratios.
 */
function compare(ours: Run, peer: Run, chunks: readonly Uint8Array[], bytes: number, warmup: number, runs: number) {
  for (let i = 0; i < warmup; i++) {
    ours(chunks);
    peer(chunks);
  }
  const a: number[] = [];
  const b: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    let x: number;
    let y: number;
    if (i % 2 === 0) {
      x = timeRun(ours, chunks, bytes);
      y = timeRun(peer, chunks, bytes);
    } else {
      y = timeRun(peer, chunks, bytes);
      x = timeRun(ours, chunks, bytes);
    }
    a.push(x);
    b.push(y);
    ratios.push(x / y);
  }
  return { ours: median(a), peer: median(b), ratio: median(ratios) };
}

function sameOutput(a: Run, b: Run, chunks: readonly Uint8Array[], label: string): void {
  const [x, y] = [a(chunks), b(chunks)];
  if (x[0] !== y[0] || x[1] !== y[1]) {
    throw new Error(`${label}: Parley and peer disagree (${x.join('/')} vs ${y.join('/')})`);
  }
}

interface Format {
  name: string;
  peer: string;
  make: (bytes: number) => Buffer;
  parley: Run;
  peerRun: Run;
}

const FORMATS: Format[] = [
  { name: 'SSE (OpenAI chunks)', peer: 'eventsource-parser', make: openAiSseStream, parley: parleySse, peerRun: eventsourceParserSse },
  { name: 'NDJSON (Emma updates)', peer: 'seed split("\\n")', make: emmaNdjsonStream, parley: parleyNdjson, peerRun: seedNdjson },
];

const CHUNK_SIZES: [string, number][] = [
  ['64 B', 64],
  ['1 KiB', 1024],
  ['16 KiB', 16 * 1024],
];

const fmt = (n: number): string => n.toFixed(1);

export function runDecoderBench(): void {
  console.log('## Decoder throughput (MB/s, median of 9 alternating runs after 3 warm-up runs; ratio = median of per-round ratios; 4 MB stream, Buffer chunks)\n');
  const rows: string[][] = [['format', 'chunk', 'Parley MB/s', 'peer', 'peer MB/s', 'ratio']];
  for (const format of FORMATS) {
    const bytes = format.make(4_000_000);
    for (const [label, size] of CHUNK_SIZES) {
      const chunks = chunked(bytes, size);
      sameOutput(format.parley, format.peerRun, chunks, `${format.name} ${label}`);
      const result = compare(format.parley, format.peerRun, chunks, bytes.length, 3, 9);
      rows.push([format.name, label, fmt(result.ours), format.peer, fmt(result.peer), `${result.ratio.toFixed(2)}×`]);
    }
  }
  printTable(rows);

  console.log('\n## O(n): Parley throughput by stream length (1 KiB chunks, MB/s)\n');
  const linear: string[][] = [['format', '1 MB', '10 MB', '10 MB / 1 MB']];
  for (const format of FORMATS) {
    const rates = [1_000_000, 10_000_000].map((size) => {
      const bytes = format.make(size);
      return throughput(format.parley, chunked(bytes, 1024), bytes.length, 1, 5);
    });
    const [small = Number.NaN, large = Number.NaN] = rates;
    linear.push([format.name, fmt(small), fmt(large), `${(large / small).toFixed(2)}`]);
  }
  printTable(linear);
}

function printTable(rows: string[][]): void {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length))) ?? [];
  rows.forEach((row, i) => {
    console.log(`| ${row.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join(' | ')} |`);
    if (i === 0) console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  });
}
