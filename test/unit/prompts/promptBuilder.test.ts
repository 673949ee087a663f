import assert from 'node:assert/strict';
import { estimateTokens } from '../../../src/chat/tokenEstimate';
import { buildPrompt, fenceCode, fenceFor, type CodeContext } from '../../../src/chat/promptBuilder';
import { BUILTIN_PROMPTS } from '../../../src/chat/prompts';

const MESSAGE_LIMITS = { emma: 4500, 'openai-compatible': 60_000 };

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

describe('a selection over the budget: never cut, the part that fits is offered', () => {
  const long = Array.from({ length: 400 }, (_, i) => `line ${i} ${'x'.repeat(20)}`).join('\n');

  it('refuses an over-long selection and names the whole lines that fit Emma (4,500), without sending anything', () => {
    const result = buildPrompt(explain, { code: code(long), limit: MESSAGE_LIMITS.emma });
    assert.ok(!result.ok && result.reason === 'tooLong');
    assert.ok(result.needed > 4500);
    const part = result.part;
    assert.ok(part, 'a part that fits is offered');
    assert.ok([...part.prompt].length <= 4500, `part is ${part.prompt.length}`);
    assert.ok(part.sentEndLine > 10 && part.sentEndLine < 409);
    // One more line would not fit: the part is the largest whole-line prefix.
    const sentLines = part.sentEndLine - 10 + 1;
    assert.ok(part.prompt.includes(long.split('\n').slice(0, sentLines).join('\n') + '\n```'));
    assert.ok(!part.prompt.includes(long.split('\n')[sentLines]!));
    assert.match(part.prompt, new RegExp(`src/util\\.ts:10-${part.sentEndLine}\\n`));
    assert.match(part.prompt, new RegExp(`Only lines 10-${part.sentEndLine} of the selection, which ends at line 409`));
    assert.equal(part.location, `src/util.ts:10-${part.sentEndLine}`);
  });

  it('measures with the budget’s own counter (tokens, system prompt included)', () => {
    const system = 500;
    const measure = (prompt: string) => system + estimateTokens(prompt);
    const result = buildPrompt(explain, { code: code(long), limit: 1500, measure });
    assert.ok(!result.ok && result.reason === 'tooLong' && result.part);
    assert.ok(measure(result.part.prompt) <= 1500);
  });

  it('leaves a selection that fits untouched', () => {
    const result = buildPrompt(explain, { code: code(long), limit: MESSAGE_LIMITS['openai-compatible'] });
    assert.ok(result.ok);
    assert.equal(result.notes.length, 0);
    assert.ok(result.prompt.includes(long));
  });

  it('offers no part when not even one line fits beside the question', () => {
    const ask = BUILTIN_PROMPTS.find((p) => p.id === 'askAboutSelection')!;
    const result = buildPrompt(ask, { code: code(long), input: 'q'.repeat(4450), limit: 4500 });
    assert.ok(!result.ok && result.reason === 'tooLong');
    assert.equal(result.part, undefined);
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
