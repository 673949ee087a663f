/**
 * A small deterministic library of answers that read like a real model's:
 * markdown with headings, lists, fenced code and tables, in English, Italian and
 * Chinese. The answer is chosen from the user's last message (language by its
 * characters/keywords, topic by keywords), its code block is in the programming
 * language the question names or contains, and it ends with a line quoting the
 * question's first line, so a human watching the UI can see what arrived.
 */

export type Language = 'en' | 'it' | 'zh';
export type Topic = 'greeting' | 'explain' | 'code' | 'table';

const FENCE = '```';

const ANSWERS: Record<Language, Record<Topic, string>> = {
  en: {
    greeting: [
      "Hello! I'm a simulated assistant running on your machine.",
      '',
      'I can help you with:',
      '',
      '- explaining code and concepts,',
      '- writing small functions,',
      '- comparing options in a table.',
      '',
      'What would you like to work on?',
    ].join('\n'),
    explain: [
      '## How streaming responses work',
      '',
      'A streamed reply arrives **piece by piece** instead of all at once:',
      '',
      '1. The client sends one `POST` request.',
      '2. The server keeps the connection open and writes events as they are generated.',
      '3. The client renders each piece as soon as it arrives.',
      '',
      '| Format | Framing | Used by |',
      '|---|---|---|',
      '| NDJSON | one JSON object per line | Emma |',
      '| SSE | `data:` lines, blank line between events | OpenAI, SecondMe |',
      '',
      'A minimal reader in TypeScript:',
      '',
      `${FENCE}typescript`,
      'for await (const line of lines(response.body)) {',
      '  const event = JSON.parse(line);',
      "  if (event.type === 'update') render(event.content);",
      '}',
      FENCE,
      '',
      '> Tip: decode UTF-8 only on whole lines, or multi-byte characters break.',
    ].join('\n'),
    code: [
      'Here is a small, well-typed implementation:',
      '',
      `${FENCE}typescript`,
      '/** Returns the n-th Fibonacci number, iteratively. */',
      'export function fibonacci(n: number): number {',
      "  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a natural number');",
      '  let [a, b] = [0, 1];',
      '  for (let i = 0; i < n; i++) [a, b] = [b, a + b];',
      '  return a;',
      '}',
      FENCE,
      '',
      '### Notes',
      '',
      '- It runs in **O(n)** time and O(1) memory.',
      '- Beyond `n = 78` the result exceeds `Number.MAX_SAFE_INTEGER`; use `bigint` there.',
    ].join('\n'),
    table: [
      '## Comparison',
      '',
      '| Option | Strengths | Weaknesses |',
      '|---|---|---|',
      '| REST | simple, cacheable | many round trips |',
      '| GraphQL | one request, typed schema | caching is harder |',
      '| gRPC | fast, streaming | needs HTTP/2 and tooling |',
      '',
      '**In short:** start with REST, move to gRPC for service-to-service traffic.',
    ].join('\n'),
  },
  it: {
    greeting: [
      'Ciao! Sono un assistente simulato che gira sul tuo computer.',
      '',
      'Posso aiutarti a:',
      '',
      '- spiegare concetti e codice,',
      '- scrivere piccole funzioni,',
      '- confrontare alternative in una tabella.',
      '',
      'Di cosa hai bisogno oggi?',
    ].join('\n'),
    explain: [
      '## Come funziona la risposta in streaming',
      '',
      'La risposta arriva **un pezzo alla volta**, così puoi leggerla mentre viene generata:',
      '',
      '1. Il client invia una sola richiesta `POST`.',
      '2. Il server tiene aperta la connessione e scrive un evento per riga.',
      '3. Ogni evento `update` contiene il testo completo fino a quel momento.',
      '',
      '| Evento | Contenuto |',
      '|---|---|',
      '| `meta` | informazioni iniziali (es. `prompt_tokens`) |',
      '| `update` | testo parziale cumulativo |',
      '| `done` | risposta finale e statistiche |',
      '',
      'Un esempio in Python:',
      '',
      `${FENCE}python`,
      'for riga in risposta.iter_lines():',
      '    evento = json.loads(riga)',
      '    if evento["type"] == "done":',
      '        print("Risposta:", evento["response"])',
      FENCE,
      '',
      'È semplice, ma attenzione ai caratteri accentati: àèéìòù occupano due byte.',
    ].join('\n'),
    code: [
      'Ecco una funzione che conta le parole di un testo:',
      '',
      `${FENCE}python`,
      'def conta_parole(testo: str) -> dict[str, int]:',
      '    """Restituisce quante volte compare ogni parola."""',
      '    conteggi: dict[str, int] = {}',
      '    for parola in testo.lower().split():',
      '        conteggi[parola] = conteggi.get(parola, 0) + 1',
      '    return conteggi',
      FENCE,
      '',
      '### Perché così',
      '',
      '- `lower()` rende il conteggio indipendente da maiuscole e minuscole;',
      '- `dict.get` evita un `if` per ogni parola nuova.',
    ].join('\n'),
    table: [
      '## Confronto',
      '',
      '| Linguaggio | Punti di forza | Quando usarlo |',
      '|---|---|---|',
      '| Python | sintassi chiara, tante librerie | dati, script, prototipi |',
      '| TypeScript | tipi statici, ecosistema web | applicazioni web ed estensioni |',
      '| Go | veloce, binari singoli | servizi di rete |',
      '',
      '**In breve:** scegli in base al problema, non alla moda del momento.',
    ].join('\n'),
  },
  zh: {
    greeting: [
      '你好!我是在你电脑上运行的模拟助手。',
      '',
      '我可以帮你:',
      '',
      '- 解释代码和概念,',
      '- 编写小函数,',
      '- 用表格比较不同方案。',
      '',
      '今天想做点什么?',
    ].join('\n'),
    explain: [
      '## 流式输出是如何工作的',
      '',
      '流式回复会**逐段**到达,而不是一次性返回:',
      '',
      '1. 客户端发送一个 `POST` 请求;',
      '2. 服务器保持连接,并以 `data:` 行发送每个片段;',
      '3. 最后一条消息是 `data: [DONE]`。',
      '',
      '| 字段 | 含义 |',
      '|---|---|',
      '| `choices[0].delta.content` | 新生成的文本 |',
      '| `finish_reason` | 结束原因,例如 `stop` |',
      '| `usage` | 令牌统计 |',
      '',
      `${FENCE}javascript`,
      'const 回复 = await fetch(url, { method: "POST", body });',
      'for await (const 片段 of 回复.body) 处理(片段);',
      FENCE,
      '',
      '注意:中文字符在 UTF-8 中占三个字节,必须按整行解码。',
    ].join('\n'),
    code: [
      '下面是一个计算阶乘的函数:',
      '',
      `${FENCE}go`,
      '// Factorial 返回 n 的阶乘。',
      'func Factorial(n uint64) uint64 {',
      '\tif n <= 1 {',
      '\t\treturn 1',
      '\t}',
      '\treturn n * Factorial(n-1)',
      '}',
      FENCE,
      '',
      '### 说明',
      '',
      '- 时间复杂度为 **O(n)**;',
      '- 当 n 大于 20 时结果会溢出,请改用 `math/big`。',
    ].join('\n'),
    table: [
      '## 对比',
      '',
      '| 模型 | 特点 | 适用场景 |',
      '|---|---|---|',
      '| spark-v2 | 速度快 | 日常对话 |',
      '| spark-v3 | 理解力更强 | 写作与分析 |',
      '| SparkDesk-v4.0 | 能力最全面 | 复杂任务 |',
      '',
      '**总结:**根据任务的复杂程度选择模型。',
    ].join('\n'),
  },
};

const ITALIAN = /\b(ciao|come|che|perch[eé]|spiega(mi)?|cos['’]?[eè]|cosa|sono|della|delle|grazie|buongiorno|scrivi|funzione|quale?|confronta|tabella)\b|[àèìòù]/i;

export function detectLanguage(text: string): Language {
  if (/[\u3400-\u9fff]/.test(text)) return 'zh';
  if (ITALIAN.test(text)) return 'it';
  return 'en';
}

export function detectTopic(text: string): Topic {
  const t = text.toLowerCase();
  if (/compar|confront|table|tabella| vs\.? |differen|比较|对比|表格/.test(t)) return 'table';
  if (/code|function|funzione|write|scrivi|script|implement|函数|代码|编写/.test(t)) return 'code';
  if (/explain|spiega|what is|cos['’]?[eè]|how|come funziona|perch|什么|解释|如何|为什么/.test(t)) return 'explain';
  if (/^\s*(hello|hi|hey|ciao|salve|buongiorno|你好|您好)\b|who are you|chi sei|introduce|presentati|介绍/.test(t)) return 'greeting';
  return 'explain';
}

/** Programming languages the simulator can answer in, by the names a question may use. */
const CODE_LANGUAGES: readonly { fence: string; names: RegExp; snippet: string[] }[] = [
  {
    fence: 'python',
    names: /^(python|py)$/,
    snippet: ['def fibonacci(n: int) -> int:', '    """Returns the n-th Fibonacci number, iteratively."""', '    a, b = 0, 1', '    for _ in range(n):', '        a, b = b, a + b', '    return a'],
  },
  {
    fence: 'javascript',
    names: /^(javascript|js|node(js)?)$/,
    snippet: ['/** Returns the n-th Fibonacci number, iteratively. */', 'function fibonacci(n) {', '  let [a, b] = [0, 1];', '  for (let i = 0; i < n; i++) [a, b] = [b, a + b];', '  return a;', '}'],
  },
  {
    fence: 'typescript',
    names: /^(typescript|ts|typescriptreact|tsx)$/,
    snippet: ['/** Returns the n-th Fibonacci number, iteratively. */', 'export function fibonacci(n: number): number {', '  let [a, b] = [0, 1];', '  for (let i = 0; i < n; i++) [a, b] = [b, a + b];', '  return a;', '}'],
  },
  {
    fence: 'go',
    names: /^(go|golang)$/,
    snippet: ['// Fibonacci returns the n-th Fibonacci number, iteratively.', 'func Fibonacci(n int) int {', '\ta, b := 0, 1', '\tfor i := 0; i < n; i++ {', '\t\ta, b = b, a+b', '\t}', '\treturn a', '}'],
  },
  {
    fence: 'rust',
    names: /^(rust|rs)$/,
    snippet: ['/// Returns the n-th Fibonacci number, iteratively.', 'fn fibonacci(n: u32) -> u64 {', '    let (mut a, mut b) = (0u64, 1u64);', '    for _ in 0..n {', '        (a, b) = (b, a + b);', '    }', '    a', '}'],
  },
  {
    fence: 'java',
    names: /^java$/,
    snippet: ['/** Returns the n-th Fibonacci number, iteratively. */', 'static long fibonacci(int n) {', '    long a = 0, b = 1;', '    for (int i = 0; i < n; i++) { long next = a + b; a = b; b = next; }', '    return a;', '}'],
  },
  {
    fence: 'bash',
    names: /^(bash|sh|shell|shellscript|zsh)$/,
    snippet: ['# Prints the n-th Fibonacci number, iteratively.', 'fibonacci() {', '  local a=0 b=1 i', '  for ((i = 0; i < $1; i++)); do', '    local next=$((a + b)); a=$b; b=$next', '  done', '  echo "$a"', '}'],
  },
];

/**
 * The programming language a question is about: the language of a fenced
 * block it contains (```python), else one it names ("in Rust"), else none.
 */
export function detectCodeLanguage(text: string): string | undefined {
  const byName = (name: string) => CODE_LANGUAGES.find((l) => l.names.test(name.toLowerCase()))?.fence;
  const fenced = /(^|\n)\s*(`{3,}|~{3,})\s*([A-Za-z0-9_+#-]+)/.exec(text)?.[3];
  const fromFence = fenced ? byName(fenced) : undefined;
  if (fromFence) return fromFence;
  // By name only the long names ("python", "golang", "bash"): short ones ("go", "sh") are ordinary words too.
  for (const word of text.match(/[A-Za-z]{4,}/g) ?? []) {
    const found = byName(word);
    if (found) return found;
  }
  return undefined;
}

const CODE_INTRO: Record<Language, (name: string) => string> = {
  en: (name) => `Here is a small implementation in ${name}:`,
  it: (name) => `Ecco una piccola implementazione in ${name}:`,
  zh: (name) => `下面是一个 ${name} 的小实现：`,
};
const EXAMPLE_INTRO: Record<Language, (name: string) => string> = {
  en: (name) => `An example in ${name}:`,
  it: (name) => `Un esempio in ${name}:`,
  zh: (name) => `${name} 示例：`,
};

const DISPLAY_NAME: Record<string, string> = {
  python: 'Python', javascript: 'JavaScript', typescript: 'TypeScript', go: 'Go', rust: 'Rust', java: 'Java', bash: 'Bash',
};

/**
 * The answer with its code in `language` when it was in another one: a code
 * answer becomes an implementation in that language; any other answer gets an
 * example in it at the end.
 */
function inLanguage(answer: string, topic: Topic, language: Language, code: string | undefined): string {
  const wanted = CODE_LANGUAGES.find((l) => l.fence === code);
  const firstFence = new RegExp(`${FENCE}([a-z]+)\\n`).exec(answer)?.[1];
  if (!wanted || firstFence === wanted.fence) return answer;
  const block = `${FENCE}${wanted.fence}\n${wanted.snippet.join('\n')}\n${FENCE}`;
  const name = DISPLAY_NAME[wanted.fence] ?? wanted.fence;
  if (topic === 'code') return `${CODE_INTRO[language](name)}\n\n${block}`;
  return `${answer}\n\n${EXAMPLE_INTRO[language](name)}\n\n${block}`;
}

/** The question's first line that has text, shortened: what the reply quotes back. */
export function firstLine(prompt: string): string {
  const line = prompt.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).find((l) => l !== '') ?? '';
  return line.length > 80 ? `${line.slice(0, 80)}…` : line;
}

/**
 * The full reply text for a prompt: an answer picked by the question's words
 * and natural language, its code in the question's programming language when
 * it names or contains one, ending with a line that quotes the question's first line.
 */
export function replyFor(prompt: string, forceLanguage?: Language): string {
  const language = forceLanguage ?? detectLanguage(prompt);
  const topic = detectTopic(prompt);
  const answer = inLanguage(ANSWERS[language][topic], topic, language, detectCodeLanguage(prompt));
  const label = { en: 'You asked', it: 'Hai chiesto', zh: '你的问题' }[language];
  return `${answer}\n\n_${label}: “${firstLine(prompt)}”_`;
}

/**
 * Splits a reply into word-ish pieces the way a tokenizer-backed stream would:
 * a word with its trailing whitespace, or one or two CJK characters.
 */
export function splitPieces(text: string): string[] {
  return text.match(/[\u3000-\u9fff\uff00-\uffef]{1,2}\s*|[^\s\u3000-\u9fff\uff00-\uffef]+\s*|\s+/gu) ?? [];
}

/** A rough token count (pieces of the text), used for usage numbers. */
export function countTokens(text: string): number {
  return Math.max(1, splitPieces(text).length);
}
