import assert from 'node:assert/strict';
import { createProvider } from '../../../src/providers';
import { fetchModels, parseModelList } from '../../../src/providers/models';
import type { ChatEvent, ChatRequest, OpenAICompatibleOptions, ToolCall, ToolDefinition } from '../../../src/providers/types';
import type { Simulator } from '../../simulator/server';
import { useSimulator } from '../../simulator/mochaHooks';
import { ARGUMENT_PIECE_CHARS } from '../../simulator/tools';
import { expectError, expectSuccess, run, testDeps, user } from './helpers';

const TOOLS: ToolDefinition[] = [
  {
    name: 'read_file',
    description: 'Reads a file',
    parameters: { type: 'object', properties: { path: { type: 'string' }, line: { type: 'number' } }, required: ['path'] },
  },
  { name: 'run_tests', description: 'Runs the tests', parameters: { type: 'object', properties: { watch: { type: 'boolean' } } } },
];

const toolCalls = (events: ChatEvent[]): ToolCall[] =>
  events.filter((e): e is Extract<ChatEvent, { type: 'toolCall' }> => e.type === 'toolCall').map(({ id, name, input }) => ({ id, name, input }));

describe('OpenAI-compatible tool calling (against the simulator)', () => {
  let sim: Simulator;
  const provider = (options: OpenAICompatibleOptions = { toolCalling: true }) =>
    createProvider({ id: 'tools', kind: 'openai-compatible', baseUrl: `${sim.url}/local/v1`, model: 'any', options }, testDeps(undefined));

  useSimulator((started) => {
    sim = started;
  });

  it('sends tools, joins streamed tool_calls (arguments in pieces, two calls in one reply) into toolCall events', async () => {
    const outcome = await run(provider(), { ...user('src/a.ts'), tools: TOOLS, toolChoice: 'required' });
    expectSuccess(outcome);
    const body = sim.requests[0]?.body as { tools: unknown[]; tool_choice?: string };
    assert.deepEqual(body.tools[0], {
      type: 'function',
      function: { name: 'read_file', description: 'Reads a file', parameters: TOOLS[0]!.parameters },
    });
    assert.equal(body.tool_choice, 'required');
    const calls = toolCalls(outcome.events);
    assert.equal(calls.length, 2);
    assert.deepEqual(calls.map((c) => [c.name, c.input]), [
      ['read_file', { path: 'src/a.ts', line: 1 }],
      ['run_tests', { watch: true }],
    ]);
    // The arguments really were split: longer than one piece.
    assert.ok(JSON.stringify(calls[0]!.input).length > ARGUMENT_PIECE_CHARS * 2);
    assert.deepEqual(outcome.events.at(-1), { type: 'done', finishReason: 'tool_calls' });
  });

  it('parses tool_calls of a plain (non-streamed) completion too', async () => {
    const outcome = await run(provider({ toolCalling: true, stream: false }), { ...user('x.md'), tools: TOOLS.slice(0, 1) });
    expectSuccess(outcome);
    assert.deepEqual(toolCalls(outcome.events).map((c) => c.input), [{ path: 'x.md', line: 1 }]);
  });

  it('sends the calls back as an assistant tool_calls message and the results as tool messages (round trip)', async () => {
    const first = await run(provider(), { ...user('notes.txt'), tools: TOOLS });
    const calls = toolCalls(first.events);
    const request: ChatRequest = {
      tools: TOOLS,
      messages: [
        { role: 'user', content: 'notes.txt' },
        { role: 'assistant', content: '', toolCalls: calls },
        { role: 'user', content: 'hello from the file', toolCallId: calls[0]!.id },
        { role: 'user', content: '3 passed', toolCallId: calls[1]!.id },
      ],
    };
    const text = expectSuccess(await run(provider(), request));
    assert.equal(text, 'Tool results received: **read_file** returned “hello from the file”; **run_tests** returned “3 passed”.');
    const sent = (sim.requests[1]?.body as { messages: unknown[] }).messages;
    assert.deepEqual(sent[1], {
      role: 'assistant',
      content: null,
      tool_calls: calls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: JSON.stringify(c.input) } })),
    });
    assert.deepEqual(sent[2], { role: 'tool', tool_call_id: calls[0]!.id, content: 'hello from the file' });
  });

  it('refuses tools for a profile without toolCalling, before sending anything', async () => {
    expectError(await run(provider({}), { ...user('hi'), tools: TOOLS }), 'invalid_request', /tool calling is off.*"toolCalling": true/);
    assert.equal(sim.requests.length, 0);
  });

  it('a tool call whose arguments are not a JSON object is a protocol error', async () => {
    const { ToolCallAssembler } = await import('../../../src/providers/toolCalls');
    const assembler = new ToolCallAssembler({ label: 'X', kind: 'openai-compatible' });
    assembler.add([{ index: 0, id: 'c1', function: { name: 'f', arguments: '[1,' } }]);
    assembler.add([{ index: 0, function: { arguments: '2]' } }]);
    assert.throws(() => assembler.finish(), /X: the server sent tool call “f” with arguments that are not a JSON object/);
  });
});

describe('model discovery (GET {baseUrl}/models)', () => {
  let sim: Simulator;
  useSimulator((started) => {
    sim = started;
  });

  it('lists the endpoint\'s models with the key as Bearer, through the net layer', async () => {
    const deps = testDeps('sim-openai-key');
    const models = await fetchModels({ id: 'p', kind: 'openai-compatible', baseUrl: `${sim.url}/v1/`, model: 'spark-v3' }, deps, new AbortController().signal);
    assert.ok(models.includes('spark-v3') && models.includes('glm-4'), models.join(','));
    assert.equal(sim.requests.length, 0, 'chat requests are recorded apart');
    assert.equal(sim.modelRequests[0]?.method, 'GET');
    assert.equal(sim.modelRequests[0]?.path, '/v1/models');
    assert.equal(sim.modelRequests[0]?.headers.authorization, 'Bearer sim-openai-key');
    assert.ok(deps.lines.some((l) => l.includes('GET') && l.includes('/v1/models')));
    assert.ok(!deps.lines.some((l) => l.includes('sim-openai-key')));
  });

  it('an endpoint without /models is a not_found error (the catalog falls back silently)', async () => {
    await assert.rejects(
      fetchModels({ id: 'p', kind: 'openai-compatible', baseUrl: `${sim.url}/nothing/v1`, model: 'm' }, testDeps(undefined), new AbortController().signal),
      (error: Error & { code?: string }) => error.code === 'not_found',
    );
  });

  it('keeps only well-formed ids, deduplicated, from hostile lists', () => {
    const ctx = { label: 'X', kind: 'openai-compatible' as const };
    assert.deepEqual(parseModelList(JSON.stringify({ data: [{ id: 'a' }, { id: 'a' }, { id: 'b c' }, { id: 'x'.repeat(300) }, 7, { name: 'n' }] }), ctx), ['a', 'n']);
    assert.deepEqual(parseModelList(JSON.stringify({ models: ['m1'] }), ctx), ['m1']);
    assert.throws(() => parseModelList('{"object":"list"}', ctx), /not a model list/);
  });
});
