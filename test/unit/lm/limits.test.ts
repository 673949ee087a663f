import assert from 'node:assert/strict';
import { AppendOnlyText } from '../../../src/lm/appendOnly';
import { EMMA_MAX_INPUT_TOKENS, estimateTokens, tokenLimits } from '../../../src/lm/limits';

describe('language model token figures', () => {
  it('estimates one token per 4 Latin characters (rounded up) and one per CJK character', () => {
    assert.equal(estimateTokens(''), 0);
    assert.equal(estimateTokens('abcd'), 1);
    assert.equal(estimateTokens('abcde'), 2);
    assert.equal(estimateTokens('你好世界'), 4);
    assert.equal(estimateTokens('hi 你好'), 3); // "hi " → 1, 你好 → 2
  });

  it('never counts fewer tokens than characters / 4, so Emma\'s 1,125 input tokens keep a prompt within 4,500 characters', () => {
    assert.equal(EMMA_MAX_INPUT_TOKENS, 1125);
    for (const text of ['a'.repeat(4501), 'é'.repeat(4501), '中'.repeat(1200) + 'x'.repeat(3301), '🙂'.repeat(4501)]) {
      const chars = [...text].length;
      assert.ok(estimateTokens(text) >= chars / 4, `${chars} characters estimated at ${estimateTokens(text)}`);
      assert.ok(estimateTokens(text) > EMMA_MAX_INPUT_TOKENS, 'over 4,500 characters is over the budget');
    }
  });

  it('takes the output limit from the profile when it sets one, else the documented or conservative default', () => {
    assert.deepEqual(tokenLimits({ id: 'e', kind: 'emma' }), { maxInputTokens: 1125, maxOutputTokens: 2048 });
    assert.deepEqual(tokenLimits({ id: 'e', kind: 'emma', options: { maxNewTokens: 300 } }).maxOutputTokens, 300);
    assert.deepEqual(tokenLimits({ id: 's', kind: 'secondme', instanceId: 'x' }), { maxInputTokens: 4096, maxOutputTokens: 2000 });
    assert.deepEqual(tokenLimits({ id: 'o', kind: 'openai-compatible', baseUrl: 'https://api.ecovai.cn/v1', model: 'spark-v3', options: { maxTokens: 1000 } }), { maxInputTokens: 8192, maxOutputTokens: 1000 });
  });
});

describe('append-only reply text (vscode.lm cannot take text back)', () => {
  it('appends deltas and the new part of each cumulative text', () => {
    const text = new AppendOnlyText();
    assert.equal(text.replace('Hel').append, 'Hel');
    assert.equal(text.replace('Hello').append, 'lo');
    assert.equal(text.delta(' world').append, ' world');
    assert.equal(text.replace('Hello world').append, '');
    assert.equal(text.text, 'Hello world');
    assert.equal(text.divergenceCount, 0);
  });

  it('reports nothing for a rewrite of reported text, describes it without content, and resumes when the text extends it again', () => {
    const text = new AppendOnlyText();
    text.replace('The answer is 4');
    const rewrite = text.replace('The answer is 5, sorry');
    assert.equal(rewrite.append, '');
    assert.match(rewrite.divergence ?? '', /from character 14; reported 15, new text 22/);
    assert.ok(!(rewrite.divergence ?? '').includes('sorry'), 'no content in the log line');
    assert.equal(text.replace('The answer is 4, really').append, ', really');
    assert.equal(text.divergenceCount, 1);
  });
});
