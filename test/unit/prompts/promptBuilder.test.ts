import assert from 'node:assert/strict';
import { buildPrompt, cutPoint, fenceCode, fenceFor, type CodeContext } from '../../../src/chat/promptBuilder';
import { BUILTIN_PROMPTS } from '../../../src/chat/prompts';
import { MESSAGE_LIMITS } from '../../../src/chat/promptLimits';

const explain = BUILTIN_PROMPTS[0]!;
const code = (text: string, extra: Partial<CodeContext> = {}): CodeContext => ({
  text,
  languageId: 'typescript',
  fileName: 'src/util.ts',
  startLine: 10,
  endLine: 10 + text.split('\n').length - 1,
  origin: 'selection',
  ...extra,
});

describe('selection fencing', () => {
  it('tags the fence with language id, workspace-relative file name and line range', () => {
    const fenced = fenceCode(code('const a = 1;\nconst b = 2;'));
    assert.equal(fenced, '```typescript src/util.ts:10-11\nconst a = 1;\nconst b = 2;\n```');
  });

  it('uses a fence longer than any backtick run inside the code', () => {
    assert.equal(fenceFor('no ticks'), '```');
    assert.equal(fenceFor('a ```` b'), '`````');
    const fenced = fenceCode(code('md = "```js"'));
    assert.ok(fenced.startsWith('````typescript'));
    assert.ok(fenced.endsWith('\n````'));
  });

  it('puts the fenced selection into the template', () => {
    const result = buildPrompt(explain, { code: code('let x = 1;'), limit: MESSAGE_LIMITS.emma });
    assert.ok(result.ok);
    assert.match(result.prompt, /typescript code from src\/util\.ts/);
    assert.ok(result.prompt.endsWith('```typescript src/util.ts:10\nlet x = 1;\n```'));
    assert.equal(result.location, 'src/util.ts:10');
    assert.deepEqual(result.notes, []);
  });
});

describe('cutting long selections to the provider limit', () => {
  const long = Array.from({ length: 400 }, (_, i) => `line ${i} ${'x'.repeat(20)}`).join('\n');

  it('cuts an over-long selection at a line end so the whole message fits Emma (4500) and says so', () => {
    const result = buildPrompt(explain, { code: code(long), limit: MESSAGE_LIMITS.emma });
    assert.ok(result.ok);
    assert.ok(result.prompt.length <= 4500, `prompt is ${result.prompt.length}`);
    const cut = result.notes.find((n) => n.kind === 'cut');
    assert.ok(cut && cut.kind === 'cut');
    assert.equal(cut.totalChars, long.length);
    assert.ok(cut.sentChars < long.length && cut.sentChars > 3000);
    assert.ok(long.slice(0, cut.sentChars).endsWith('\n'), 'cut at a line end');
    assert.match(result.prompt, /cut to its first \d+ of \d+ characters/);
    assert.match(result.prompt, new RegExp(`src/util\\.ts:10-${cut.sentEndLine}\\n`));
  });

  it('leaves a selection that fits untouched', () => {
    const result = buildPrompt(explain, { code: code(long), limit: MESSAGE_LIMITS['openai-compatible'] });
    assert.ok(result.ok);
    assert.equal(result.notes.length, 0);
    assert.ok(result.prompt.includes(long));
  });

  it('refuses instead of sending a sliver when the question alone nearly fills the limit', () => {
    const ask = BUILTIN_PROMPTS.find((p) => p.id === 'askAboutSelection')!;
    const result = buildPrompt(ask, { code: code(long), input: 'q'.repeat(4400), limit: 4500 });
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.reason === 'tooLong');
  });

  it('never splits a surrogate pair', () => {
    const text = 'a'.repeat(9) + '😀' + 'b';
    assert.equal(cutPoint(text, 10), 9);
    assert.equal(cutPoint('abc', 10), 3);
  });
});

describe('prompt context', () => {
  it('needs code for selection prompts and reports it', () => {
    assert.deepEqual(buildPrompt(explain, { limit: 4500 }), { ok: false, reason: 'needsCode' });
  });

  it('notes when the enclosing block was used instead of a selection', () => {
    const result = buildPrompt(explain, {
      code: code('function f() {\n  return 1;\n}', { origin: 'enclosingBlock', blockName: 'f' }),
      limit: 4500,
    });
    assert.ok(result.ok);
    assert.deepEqual(result.notes, [{ kind: 'noSelection', origin: 'enclosingBlock', blockName: 'f', startLine: 10, endLine: 12 }]);
  });

  it('sends a plain question as is', () => {
    const result = buildPrompt({ template: '${input}', context: 'none' }, { input: 'What is a monad?', limit: 4500 });
    assert.deepEqual(result, { ok: true, prompt: 'What is a monad?', notes: [] });
  });

  it('refuses a plain question longer than the limit (nothing to cut)', () => {
    const result = buildPrompt({ template: '${input}', context: 'none' }, { input: 'x'.repeat(4501), limit: 4500 });
    assert.deepEqual(result, { ok: false, reason: 'tooLong', limit: 4500, needed: 4501 });
  });
});
