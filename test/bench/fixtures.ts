/**
 * Realistic provider streams for the decoder benchmark: an assistant reply in
 * markdown with code, Italian and Chinese, streamed the way each API does it.
 */
const REPLY = [
  'Certo! Ecco come leggere un file JSON in TypeScript e gestire gli errori in modo pulito.\n\n',
  '## Lettura del file\n\n',
  '```ts\nimport { readFile } from "node:fs/promises";\n\nexport async function loadConfig(path: string): Promise<Config> {\n',
  '  const text = await readFile(path, "utf8");\n  return JSON.parse(text) as Config;\n}\n```\n\n',
  'La funzione restituisce una `Promise`: se il file non esiste, `readFile` lancia un errore con `code === "ENOENT"`, ',
  'quindi conviene intercettarlo e usare una configurazione predefinita. Perché è importante? Perché così l’estensione ',
  'continua a funzionare anche al primo avvio.\n\n',
  '### 中文说明\n\n',
  '这个函数首先异步读取文件内容，然后使用 `JSON.parse` 解析。如果文件不存在或者内容不是合法的 JSON，',
  '就会抛出异常。建议在调用处使用 `try…catch`，并向用户显示清楚的错误信息，而不是直接崩溃。\n\n',
  '| Caso | Comportamento |\n|---|---|\n| file mancante | configurazione predefinita |\n| JSON non valido | messaggio d’errore |\n\n',
  'In summary: read the file, parse it, and validate it with a schema (for example **zod**) before trusting its content. 🚀\n',
].join('');

/** The reply cut into token-sized pieces (2–6 characters, never splitting a surrogate pair). */
export function tokens(text = REPLY): string[] {
  const pieces: string[] = [];
  const chars = Array.from(text);
  let i = 0;
  let n = 0;
  while (i < chars.length) {
    const size = 2 + ((n * 7) % 5);
    pieces.push(chars.slice(i, i + size).join(''));
    i += size;
    n++;
  }
  return pieces;
}

/** OpenAI-style chat.completion.chunk SSE stream of at least `minBytes`. */
export function openAiSseStream(minBytes: number): Buffer {
  const parts: string[] = [];
  let size = 0;
  let reply = 0;
  while (size < minBytes) {
    const id = `chatcmpl-${(1_000_000 + reply).toString(36)}AbCdEfGhIjKlMnOp`;
    const created = 1_763_000_000 + reply;
    const chunk = (delta: object, finish: string | null): string =>
      `data: ${JSON.stringify({
        id,
        object: 'chat.completion.chunk',
        created,
        model: 'gpt-4o-mini',
        system_fingerprint: 'fp_0ba0d124f1',
        choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
      })}\n\n`;
    const events = [chunk({ role: 'assistant', content: '' }, null)];
    for (const token of tokens()) events.push(chunk({ content: token }, null));
    events.push(chunk({}, 'stop'), 'data: [DONE]\n\n');
    for (const event of events) {
      parts.push(event);
      size += Buffer.byteLength(event);
    }
    reply++;
  }
  return Buffer.from(parts.join(''));
}

/** Emma-style NDJSON stream (meta, cumulative updates, done) of at least `minBytes`. */
export function emmaNdjsonStream(minBytes: number): Buffer {
  const parts: string[] = [];
  let size = 0;
  while (size < minBytes) {
    const lines = [JSON.stringify({ type: 'meta', model_key: 'emma-5', prompt_tokens: 42 })];
    let soFar = '';
    for (const token of tokens()) {
      soFar += token;
      lines.push(JSON.stringify({ type: 'update', content: soFar }));
    }
    lines.push(JSON.stringify({ type: 'done', response: soFar, stats: { output_tokens: tokens().length } }));
    for (const line of lines) {
      parts.push(`${line}\n`);
      size += Buffer.byteLength(line) + 1;
    }
  }
  return Buffer.from(parts.join(''));
}

/** The stream cut into chunks of `size` bytes (views, as an HTTP client yields them). */
export function chunked(bytes: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}
