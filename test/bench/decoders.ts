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

/** MB/s (10^6 bytes per second, wall clock) of one run. */
function timeRun(run: Run, chunks: readonly Uint8Array[], bytes: number): number {
  const start = process.hrtime.bigint();
  run(chunks);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return bytes / 1e6 / seconds;
}

/**
 * Times two measurements alternately (a, b, b, a, …) so that a change in machine
 * load hits both alike; returns the median MB/s of each and the median of the
 * per-round ratios a/b.
 */
function alternate(a: () => number, b: () => number, warmup: number, runs: number) {
  for (let i = 0; i < warmup; i++) {
    a();
    b();
  }
  const as: number[] = [];
  const bs: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    const [x, y] = i % 2 === 0 ? [a(), b()] : [b(), a()].reverse();
    as.push(x ?? Number.NaN);
    bs.push(y ?? Number.NaN);
    ratios.push((x ?? Number.NaN) / (y ?? Number.NaN));
  }
  return { a: median(as), b: median(bs), ratio: median(ratios) };
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

/** Buffer chunks are what undici's request() yields; fetch() yields plain Uint8Arrays. */
const CHUNK_TYPES: [string, (chunk: Buffer) => Uint8Array][] = [
  ['Buffer', (chunk) => chunk],
  ['Uint8Array', (chunk) => new Uint8Array(chunk)],
];

const fmt = (n: number): string => n.toFixed(1);

export function runDecoderBench(): void {
  const started = Date.now();
  console.log('## Decoder throughput, MB/s (4 MB stream; median of 9 alternating runs after 3 warm-up runs;');
  console.log('## ratio = median of the per-round Parley/peer ratios; same bytes, same chunks, same run)\n');
  const rows: string[][] = [['format', 'chunk', 'chunk type', 'Parley MB/s', 'peer', 'peer MB/s', 'ratio']];
  for (const format of FORMATS) {
    const bytes = format.make(4_000_000);
    for (const [label, size] of CHUNK_SIZES) {
      for (const [type, convert] of CHUNK_TYPES) {
        const chunks = chunked(bytes, size).map(convert);
        sameOutput(format.parley, format.peerRun, chunks, `${format.name} ${label} ${type}`);
        const result = alternate(
          () => timeRun(format.parley, chunks, bytes.length),
          () => timeRun(format.peerRun, chunks, bytes.length),
          3,
          9,
        );
        rows.push([format.name, label, type, fmt(result.a), format.peer, fmt(result.b), `${result.ratio.toFixed(2)}×`]);
      }
    }
  }
  printTable(rows);

  console.log('\n## O(n): Parley throughput by stream length, MB/s (1 KiB Buffer chunks; alternating, median of 7)\n');
  const linear: string[][] = [['format', '1 MB', '10 MB', '10 MB / 1 MB']];
  for (const format of FORMATS) {
    const [small, large] = [1_000_000, 10_000_000].map((size) => {
      const bytes = format.make(size);
      return { chunks: chunked(bytes, 1024), bytes: bytes.length };
    });
    if (small === undefined || large === undefined) continue;
    const result = alternate(
      () => timeRun(format.parley, large.chunks, large.bytes),
      () => timeRun(format.parley, small.chunks, small.bytes),
      1,
      7,
    );
    linear.push([format.name, fmt(result.b), fmt(result.a), result.ratio.toFixed(2)]);
  }
  printTable(linear);
  console.log(`\n(decoder bench took ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

export function printTable(rows: string[][]): void {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length))) ?? [];
  rows.forEach((row, i) => {
    console.log(`| ${row.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join(' | ')} |`);
    if (i === 0) console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  });
}
