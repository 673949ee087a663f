import assert from 'node:assert/strict';
import { BUILTIN_PROMPTS, expandTemplate, formatPromptProblem, loadPrompts, templateVariables } from '../../../src/chat/prompts';

describe('prompts as data', () => {
  it('has the five editor prompts plus Ask About Selection, each using ${selection}', () => {
    assert.deepEqual(
      BUILTIN_PROMPTS.map((p) => p.id),
      ['explainSelection', 'findBugs', 'refactor', 'writeTests', 'addDocumentation', 'askAboutSelection'],
    );
    for (const prompt of BUILTIN_PROMPTS) assert.ok(templateVariables(prompt.template).includes('selection'), prompt.id);
    assert.ok(templateVariables(BUILTIN_PROMPTS[5]!.template).includes('input'));
  });

  it('expands known variables once and leaves values containing ${...} alone', () => {
    const text = expandTemplate('${language} in ${fileName}: ${selection} ${input}', {
      language: 'ts',
      fileName: 'a.ts',
      selection: 'x = "${input}"',
      input: 'why?',
    });
    assert.equal(text, 'ts in a.ts: x = "${input}" why?');
  });

  it('keeps good user prompts after the built-ins and infers their context', () => {
    const { prompts, problems } = loadPrompts([
      { id: 'review', title: 'Review', template: 'Review ${selection}' },
      { id: 'haiku', title: 'Haiku', template: 'Write a haiku about ${input}' },
      { id: 'whole', title: 'Whole file', template: '${selection}', context: 'file' },
    ]);
    assert.deepEqual(problems, []);
    const own = prompts.filter((p) => !p.builtin);
    assert.deepEqual(
      own.map((p) => [p.id, p.context]),
      [
        ['review', 'selection'],
        ['haiku', 'none'],
        ['whole', 'file'],
      ],
    );
  });

  it('reports an unknown variable naming the entry, and the good entries keep working', () => {
    const { prompts, problems } = loadPrompts([
      { id: 'ok', title: 'OK', template: '${selection}' },
      { id: 'ok2', title: 'OK2', template: '${input}' },
      { id: 'review', title: 'Review', template: 'Look at ${foo} and ${selection}' },
    ]);
    assert.equal(problems.length, 1);
    assert.match(formatPromptProblem(problems[0]!), /^parley\.prompts\[2\] \(id "review"\): unknown variable \$\{foo\}/);
    assert.deepEqual(prompts.filter((p) => !p.builtin).map((p) => p.id), ['ok', 'ok2']);
  });

  it('a user prompt runs on its own unless it sets useHistory: true; a non-boolean useHistory is reported', () => {
    const { prompts, problems } = loadPrompts([
      { id: 'alone', title: 'Alone', template: '${selection}' },
      { id: 'followUp', title: 'Follow up', template: 'And now? ${input}', useHistory: true },
      { id: 'bad', title: 'Bad', template: 'x', useHistory: 'yes' },
    ]);
    const own = prompts.filter((p) => !p.builtin);
    assert.deepEqual(own.map((p) => [p.id, p.useHistory === true]), [['alone', false], ['followUp', true]]);
    assert.ok(BUILTIN_PROMPTS.every((p) => p.useHistory !== true), 'the built-in editor commands run on their own');
    assert.deepEqual(problems.map(formatPromptProblem), ['parley.prompts[2] (id "bad"): "useHistory" must be true or false']);
  });

  it('reports bad entries by index: missing fields, wrong types, bad context, duplicate ids', () => {
    const { problems } = loadPrompts([
      'not an object',
      { id: 'a', template: 'x' },
      { id: 'b', title: 'B', template: 'x', context: 'project' },
      { id: 'explainSelection', title: 'Mine', template: 'x' },
      { id: 'c', title: 'C', template: '   ' },
    ]);
    const text = problems.map(formatPromptProblem);
    assert.equal(text.length, 5);
    assert.match(text[0]!, /^parley\.prompts\[0\]: /);
    assert.match(text[1]!, /^parley\.prompts\[1\] \(id "a"\): .*"title"/);
    assert.match(text[2]!, /^parley\.prompts\[2\] \(id "b"\): "context" must be/);
    assert.match(text[3]!, /already used/);
    assert.match(text[4]!, /non-empty "template"/);
  });

  it('says so when parley.prompts is not a list', () => {
    const { prompts, problems } = loadPrompts({ id: 'x' });
    assert.equal(problems[0]?.where, 'parley.prompts');
    assert.equal(prompts.length, BUILTIN_PROMPTS.length);
  });
});
