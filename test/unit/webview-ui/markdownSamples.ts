// Realistic chat replies used by the renderer's property tests and the render
// benchmark. They deliberately contain the constructs that make streaming
// hard: setext headings, loose and nested lists, tables that keep growing,
// fences (backtick and tilde, unclosed), indented code, lazy blockquotes,
// reference links defined after their use, CRLF line ends.
export const SAMPLES: readonly string[] = [
  `para line
| x | y |
|---|---|
| 1 | 2 |
row without pipes

- a

- b
1. c
10. d

Foo
---
bar
===
***
- - -
> quote
# heading interrupts
\`\`\`
open fence with a list marker
- not a list
\`\`\`
  ~~~
  indented tilde fence
  ~~~
last`,
  `# Fixing the flaky upload test

The test fails because the **server closes the socket** before the client
finishes writing. Here is what happens, step by step:

1. The client opens a connection.
2. It sends the headers and starts streaming the body.
3. The server rejects the request early (413) and closes.

   Nested paragraph inside item 3, with \`inline code\`.

4. The client sees \`EPIPE\` instead of the 413.

## The fix

\`\`\`ts
export async function upload(url: string, body: Uint8Array): Promise<number> {
  const response = await fetch(url, { method: 'POST', body });
  // Read the status even when the body was cut short.
  return response.status;
}
\`\`\`

| Case | Before | After |
|:-----|:------:|------:|
| small body | 200 | 200 |
| large body | EPIPE | 413 |
| empty body | 200 | 200 |

- [x] reproduce locally
- [ ] add a regression test
- [ ] update the changelog

See [the RFC](https://www.rfc-editor.org/rfc/rfc9110 "HTTP Semantics") and https://example.com/docs for details.
`,
  `Sure! Here's a Python version:

\`\`\`python
def fib(n: int) -> int:
    """Return the n-th Fibonacci number."""
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
\`\`\`

And the same in Rust:

~~~rust
fn fib(n: u64) -> u64 {
    let (mut a, mut b) = (0, 1);
    for _ in 0..n { (a, b) = (b, a + b); }
    a
}
~~~

Setext heading
==============

Another one
-----------

> A quote that goes on
lazily across lines
> and ends here.

    indented code block
    second line

* star list
* second item
  continued line

+ plus list after star list

Final words with a hard break  
and a [reference link][ref] defined below.

[ref]: https://example.org/ref
`,
  `Here is a shell session:\r\n\r\n\`\`\`bash\r\nnpm ci\r\nnpm test -- --grep "renderer"\r\n\`\`\`\r\n\r\nThat should print **all green**.\r\n`,
  `Some steps:
- one
- two
    - nested four spaces
- three

Then a table without a blank line before the next paragraph:

| a | b |
|---|---|
| 1 | 2 |
text right after the table

3. starts at three
4. four

***

\`\`\`json
{ "name": "parley", "version": "0.1.0" }
\`\`\`

Unknown language:

\`\`\`brainfuck
++++[>++++<-]>.
\`\`\`

The model stopped in the middle of a fence:

\`\`\`go
func main() {
	fmt.Println("hello")
`,
  `Escapes: \\*not emphasis\\*, 5 < 6 && 7 > 3, <b>not html</b>, &amp; &copy; &#x27;.

A line with trailing backticks \`\`\`inline\`\`\` and a tilde ~ and an underscore_in_word.

- item with \`code\`
- item with **bold
  across lines**

Term
: not a definition list in CommonMark
`,
  `Reference links: [early use][late] is defined at the very end, [known] right away.

[known]: https://example.com/known

1. a list item
2. [known] again

[late]: https://example.com/late 'single quoted title'
`,
  // Lines with a '|' after a paragraph, a quote and a list: each may turn into
  // a table header once the next line is complete (and stop again when that
  // line turns out not to be a delimiter row after all).
  `Tables that almost start:

Intro line
| a | b |
|---|--x|
after

> quote line
lazy | pipe
|---|---|

- item
continued | cell
| - | - |
Done.

# Heading
a | b
|--
`,
];

const CODE_TS = `\`\`\`typescript
interface Message { role: 'user' | 'assistant'; content: string }

export function trimHistory(messages: Message[], maxTurns: number): Message[] {
  const result: Message[] = [];
  for (let i = messages.length - 1; i >= 0 && result.length < maxTurns * 2; i--) {
    const message = messages[i];
    if (message) result.unshift(message);
  }
  return result;
}
\`\`\``;

const CODE_PY = `\`\`\`python
import json
from pathlib import Path

def load_conversations(folder: Path) -> list[dict]:
    """Read every conversation file, skipping the corrupt ones."""
    result = []
    for file in sorted(folder.glob("*.json")):
        try:
            result.append(json.loads(file.read_text("utf-8")))
        except json.JSONDecodeError as error:
            print(f"skipping {file.name}: {error}")
    return result
\`\`\``;

const CODE_SH = `\`\`\`bash
set -euo pipefail
for f in out/*.log; do
  grep -c "ERROR" "$f" || true
done
\`\`\``;

const TABLE = `| Provider | Streaming | Max turns | Notes |
|----------|:---------:|----------:|-------|
| Emma | NDJSON | 6 | 4500 characters per message |
| SecondMe | SSE | 20 | instance id in the path |
| ecovai | SSE | 50 | OpenAI compatible |
| local | SSE | 100 | any OpenAI-compatible server |`;

/** A ~`targetBytes` long reply mixing prose, lists, code and a table (deterministic). */
export function longReply(targetBytes = 50_000): string {
  const parts: string[] = ['# Reviewing the chat layer\n'];
  for (let section = 1; parts.join('\n').length < targetBytes; section++) {
    parts.push(
      `## ${section}. Section about streaming, part ${section}\n`,
      `The renderer receives text in small deltas. In section ${section} we look at how **finished blocks** ` +
        `stay in the DOM while only the *open tail* is rendered again, why \`requestAnimationFrame\` ` +
        `batches the work, and what [the documentation](https://example.com/docs/${section}) says about it. ` +
        `Each paragraph is long enough to wrap a few times in a narrow side bar, which is where people ` +
        `actually read these replies.\n`,
      `- First point of section ${section}, with \`inline code\`\n- Second point, **bold** and _italic_\n` +
        `- Third point that links to https://example.org/${section}\n  - a nested detail\n  - another one\n`,
      section % 3 === 1 ? CODE_TS + '\n' : section % 3 === 2 ? CODE_PY + '\n' : CODE_SH + '\n',
      `1. Step one\n2. Step two\n3. Step three, which is a little longer than the others so it wraps\n`,
    );
    if (section % 4 === 0) parts.push(TABLE + '\n');
    if (section % 5 === 0) parts.push('> A quoted remark from the review,\n> spanning two lines.\n');
  }
  return parts.join('\n');
}

/** Splits `text` into `count` chunks of varying size (deterministic). */
export function chunkText(text: string, count: number): string[] {
  const chunks: string[] = [];
  let seed = 42;
  const average = text.length / count;
  let offset = 0;
  for (let i = 0; i < count - 1 && offset < text.length; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const size = Math.max(1, Math.round(average * (0.5 + (seed % 1000) / 1000)));
    const remainingChunks = count - 1 - i;
    const maxSize = text.length - offset - remainingChunks;
    const take = Math.max(1, Math.min(size, maxSize));
    chunks.push(text.slice(offset, offset + take));
    offset += take;
  }
  chunks.push(text.slice(offset));
  return chunks.filter((chunk) => chunk.length > 0);
}
