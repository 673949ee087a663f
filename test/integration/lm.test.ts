// Parley's profiles as VS Code language models (vscode.lm), end to end inside
// the real extension host, against the provider simulator: listing, streaming
// for the three API kinds, cancellation, errors, change events, silent
// listing, tool calls, a third-party extension, and the canary key.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ParleyTestApi } from '../../src/extension';
import { replyFor } from '../simulator/replies';
import { parley, preserveParleySettings, setGlobal, simulatorRequests, simulatorUrl } from './surface/helpers';

const CANARY = `canary-lm-${Date.now().toString(36)}-Kp9WmQ2x`;
const CONSUMER_ID = 'parley-test.parley-lm-consumer';

interface ConsumerApi {
  models(): Promise<{ id: string; name: string; vendor: string; family: string; maxInputTokens: number }[]>;
  ask(
    modelId: string,
    question: string,
  ): Promise<{ text?: string; canSendRequest?: boolean; error?: { code: string; message: string } }>;
}

/** Polls `check` until it returns a value (not undefined) or the time is up; the machine may be slow. */
async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function parleyModels(): Promise<vscode.LanguageModelChat[]> {
  return vscode.lm.selectChatModels({ vendor: 'parley' });
}

async function modelById(id: string): Promise<vscode.LanguageModelChat> {
  return waitFor(`model ${id}`, async () => (await parleyModels()).find((m) => m.id === id));
}

interface Collected {
  text: string;
  parts: number;
  toolCalls: vscode.LanguageModelToolCallPart[];
}

async function collect(response: vscode.LanguageModelChatResponse): Promise<Collected> {
  const out: Collected = { text: '', parts: 0, toolCalls: [] };
  for await (const part of response.stream) {
    if (part instanceof vscode.LanguageModelTextPart) {
      out.text += part.value;
      out.parts++;
    } else if (part instanceof vscode.LanguageModelToolCallPart) out.toolCalls.push(part);
  }
  return out;
}

async function ask(id: string, text: string, options: vscode.LanguageModelChatRequestOptions = {}): Promise<Collected> {
  const model = await modelById(id);
  return collect(await model.sendRequest([vscode.LanguageModelChatMessage.User(text)], options));
}

/** The LanguageModelError a request fails with (at sendRequest or while streaming). */
async function failure(id: string, text: string): Promise<vscode.LanguageModelError> {
  try {
    await ask(id, text);
  } catch (error) {
    assert.ok(error instanceof vscode.LanguageModelError, `not a LanguageModelError: ${String(error)}`);
    return error;
  }
  throw new Error(`${id} answered instead of failing`);
}

describe('Parley language models (vscode.lm)', function () {
  this.timeout(120_000);
  const settings = preserveParleySettings();
  const seen: string[] = []; // every error message and response text, for the canary check
  let api: ParleyTestApi;
  let sim: string;

  before(async function () {
    const url = simulatorUrl();
    if (!url) this.skip();
    sim = url!;
    api = await parley();
    settings.save();
    await setGlobal('providers', [
      { id: 'lm-emma', kind: 'emma', label: 'Emma', baseUrl: sim },
      { id: 'lm-emma-nocredit', kind: 'emma', label: 'Emma (no credit)', baseUrl: sim },
      { id: 'lm-secondme', kind: 'secondme', label: 'SecondMe', baseUrl: sim, instanceId: 'sim-instance' },
      { id: 'lm-secondme-off', kind: 'secondme', label: 'SecondMe (offline)', baseUrl: sim, instanceId: 'sim-offline' },
      { id: 'lm-openai', kind: 'openai-compatible', label: 'ecovai', baseUrl: `${sim}/v1`, model: 'spark-v3', options: { stream: true } },
      { id: 'lm-canary', kind: 'openai-compatible', label: 'Canary', baseUrl: `${sim}/v1`, model: 'spark-v3' },
      // Emma always needs a key (a loopback OpenAI-compatible URL would not: local servers run without one).
      { id: 'lm-nokey', kind: 'emma', label: 'No key', baseUrl: sim },
      { id: 'lm-tools', kind: 'openai-compatible', label: 'Tools', baseUrl: `${sim}/local/v1`, model: 'sim-model', options: { toolCalling: true } },
    ]);
    await vscode.commands.executeCommand('parley.setApiKey', 'lm-emma', 'sim-emma-key');
    await vscode.commands.executeCommand('parley.setApiKey', 'lm-emma-nocredit', 'sim-emma-nocredit');
    await vscode.commands.executeCommand('parley.setApiKey', 'lm-openai', 'sim-openai-key');
    await vscode.commands.executeCommand('parley.setApiKey', 'lm-canary', CANARY);
  });

  after(async () => {
    if (!api) return;
    for (const id of ['lm-emma', 'lm-emma-nocredit', 'lm-openai', 'lm-canary']) await api.secrets.delete(id);
    await settings.restore();
  });

  it('lists every ready profile × model with the documented metadata (and models the endpoint listed)', async () => {
    const models = await waitFor('the configured models', async () => {
      const list = await parleyModels();
      const ids = list.map((m) => m.id);
      return ids.includes('lm-openai/glm-4') && ids.includes('lm-emma/emma-3') ? list : undefined;
    });
    const byId = new Map(models.map((m) => [m.id, m]));
    const emma = byId.get('lm-emma/emma-5');
    assert.ok(emma, `ids: ${[...byId.keys()].join(', ')}`);
    assert.equal(emma.name, 'Emma · emma-5');
    assert.equal(emma.vendor, 'parley');
    assert.equal(emma.family, 'emma-5');
    assert.equal(emma.version, 'emma-5');
    assert.equal(emma.maxInputTokens, 1125, 'Emma: 4,500 characters at ≥ 1 token per 4 characters');
    for (const id of ['lm-emma/emma-4', 'lm-emma/emma-3', 'lm-secondme/sim-instance', 'lm-openai/spark-v3', 'lm-tools/sim-model'])
      assert.ok(byId.has(id), `missing ${id}`);
    assert.equal(byId.get('lm-secondme/sim-instance')?.name, 'SecondMe · sim-instance');
    assert.equal(byId.get('lm-openai/spark-v3')?.maxInputTokens, 8192);
    // Discovery: GET /v1/models with the profile's key fed the list (glm-4 is not the profile's model).
    const listed = (await (await fetch(`${sim}/__sim/model-requests`)).json()) as { path: string; headers: Record<string, string> }[];
    assert.ok(listed.some((r) => r.headers.authorization === 'Bearer sim-openai-key'), 'GET /v1/models with the key');
  });

  it('silent listing never prompts: a profile without its key is left out and the listing still resolves', async () => {
    const started = Date.now();
    const models = await parleyModels();
    assert.ok(models.length > 0);
    assert.ok(!models.some((m) => m.id.startsWith('lm-nokey/')), 'the keyless profile is not listed');
    // An input box would block the listing until it timed out; it resolved at once.
    assert.ok(Date.now() - started < 15_000, `listing took ${Date.now() - started} ms`);
    assert.equal(await api.hasKey('lm-nokey'), false, 'nothing asked for (and stored) a key');
    // Storing its key makes it ready: it is listed (the key change fired Parley's change event).
    await vscode.commands.executeCommand('parley.setApiKey', 'lm-nokey', 'sim-emma-key');
    try {
      await modelById('lm-nokey/emma-5');
    } finally {
      await api.secrets.delete('lm-nokey');
    }
  });

  it('streams Emma\'s cumulative NDJSON updates as clean appended text', async () => {
    const reply = await ask('lm-emma/emma-5', 'Explain closures please');
    seen.push(reply.text);
    assert.equal(reply.text, replyFor('Explain closures please'));
    assert.ok(reply.parts > 3, `streamed in ${reply.parts} part(s)`);
    const request = (await simulatorRequests(sim)).filter((r) => r.path === '/api/chat/stream').at(-1);
    assert.equal((request?.body as { model_key?: string }).model_key, 'emma-5');
  });

  it('reports only appendable text when Emma rewrites what was already sent, and logs the divergence', async () => {
    const reply = await ask('lm-emma/emma-4', 'Explain closures [[sim:rewrite]]');
    seen.push(reply.text);
    assert.ok(reply.text.length > 0);
    assert.ok(!reply.text.includes('[[sim'), 'no marker echoed');
    assert.ok(api.logLines().some((l) => l.includes('lm lm-emma/emma-4') && l.includes('rewrote text already reported')));
  });

  it('streams SecondMe and an OpenAI-compatible endpoint, honouring modelOptions within range, and logs usage', async () => {
    const second = await ask('lm-secondme/sim-instance', 'Explain recursion', { modelOptions: { temperature: 3, maxTokens: 500 } });
    seen.push(second.text);
    assert.equal(second.text, replyFor('Explain recursion'));
    const secondBody = (await simulatorRequests(sim)).filter((r) => r.path.startsWith('/api/chat/sim-instance')).at(-1)?.body as Record<string, unknown>;
    assert.equal(secondBody.temperature, 1, 'SecondMe temperature kept within 0–1');
    assert.equal(secondBody.max_tokens, 500);

    const openai = await ask('lm-openai/glm-4', 'Explain generators');
    seen.push(openai.text);
    assert.equal(openai.text, replyFor('Explain generators'));
    assert.ok(openai.parts > 3);
    const body = (await simulatorRequests(sim)).filter((r) => r.path === '/v1/chat/completions').at(-1)?.body as { model?: string };
    assert.equal(body.model, 'glm-4', 'the chosen model, not the profile default');
    assert.ok(api.logLines().some((l) => l.includes('lm lm-emma/emma-5: done') && /usage: prompt \d+ tokens, output \d+ tokens/.test(l)));
  });

  it('never cuts Emma\'s message silently: over 4,500 characters fails clearly before any request; tokens are estimated', async () => {
    const before = (await simulatorRequests(sim)).filter((r) => r.path === '/api/chat/stream').length;
    const tooLong = await failure('lm-emma/emma-5', 'x'.repeat(4501));
    assert.match(tooLong.message, /Emma: the message is 4,501 characters long; Emma accepts at most 4,500 .*shorten it/);
    const after = (await simulatorRequests(sim)).filter((r) => r.path === '/api/chat/stream').length;
    assert.equal(after, before, 'nothing was sent');
    const model = await modelById('lm-emma/emma-5');
    assert.equal(await model.countTokens('abcdefgh'), 2);
    assert.equal(await model.countTokens('你好'), 2);
    assert.ok((await model.countTokens('x'.repeat(4501))) > model.maxInputTokens, 'a caller budgeting with countTokens stays within Emma\'s limit');
  });

  it('cancellation mid-stream closes the connection within 1 s (the simulator sees it)', async () => {
    const model = await modelById('lm-openai/spark-v3');
    const source = new vscode.CancellationTokenSource();
    const response = await model.sendRequest([vscode.LanguageModelChatMessage.User('Explain streams [[sim:slow ms=300]]')], {}, source.token);
    const iterator = response.stream[Symbol.asyncIterator]();
    await iterator.next(); // the reply is streaming
    const before = (await simulatorRequests(sim)).filter((r) => r.path === '/v1/chat/completions');
    assert.equal(before.at(-1)?.outcome, 'pending');
    const cancelled = Date.now();
    source.cancel();
    const index = before.length - 1;
    await waitFor('the simulator to see the connection close', async () => {
      const after = (await simulatorRequests(sim)).filter((r) => r.path === '/v1/chat/completions');
      return after[index]?.outcome === 'aborted' ? true : undefined;
    }, 5_000);
    const elapsed = Date.now() - cancelled;
    assert.ok(elapsed < 1000, `closed after ${elapsed} ms`);
    source.dispose();
  });

  it('401 / 402 / SecondMe 503 surface as LanguageModelErrors with the right codes and actionable messages', async () => {
    const unauthorized = await failure('lm-canary/spark-v3', 'hello');
    seen.push(unauthorized.message);
    assert.equal(unauthorized.code, vscode.LanguageModelError.NoPermissions.name);
    assert.match(unauthorized.message, /API key is missing or invalid — run “Parley: Set API Key”/);

    const noCredit = await failure('lm-emma-nocredit/emma-5', 'hello');
    seen.push(noCredit.message);
    assert.equal(noCredit.code, vscode.LanguageModelError.Blocked.name);
    assert.match(noCredit.message, /credit is exhausted — top up under Billing/);

    const offline = await failure('lm-secondme-off/sim-offline', 'hello');
    seen.push(offline.message);
    assert.equal(offline.code, vscode.LanguageModelError.NotFound.name);
    assert.match(offline.message, /instance “sim-offline” is not online — start it/);
  });

  it('a profile added in settings appears in the list and fires the change event', async () => {
    let fired = 0;
    const listener = vscode.lm.onDidChangeChatModels(() => fired++);
    try {
      const current = vscode.workspace.getConfiguration('parley').get<unknown[]>('providers') ?? [];
      await setGlobal('providers', [
        ...current,
        { id: 'lm-added', kind: 'openai-compatible', label: 'Added', baseUrl: `${sim}/local/v1`, model: 'sim-added' },
      ]);
      const added = await modelById('lm-added/sim-added');
      assert.equal(added.name, 'Added · sim-added');
      await waitFor('onDidChangeChatModels', async () => (fired > 0 ? true : undefined));
    } finally {
      listener.dispose();
    }
  });

  it('round-trips tool calls for an OpenAI-compatible profile with toolCalling on', async () => {
    const model = await modelById('lm-tools/sim-model');
    const tools: vscode.LanguageModelChatTool[] = [
      { name: 'read_file', description: 'Reads a file', inputSchema: { type: 'object', properties: { path: { type: 'string' } } } },
      { name: 'count_lines', description: 'Counts lines', inputSchema: { type: 'object', properties: { max: { type: 'number' } } } },
    ];
    const question = vscode.LanguageModelChatMessage.User('notes.md');
    const first = await collect(await model.sendRequest([question], { tools }));
    assert.deepEqual(
      first.toolCalls.map((c) => [c.name, c.input]),
      [
        ['read_file', { path: 'notes.md' }],
        ['count_lines', { max: 2 }],
      ],
    );
    const second = await collect(
      await model.sendRequest(
        [
          question,
          vscode.LanguageModelChatMessage.Assistant(first.toolCalls),
          vscode.LanguageModelChatMessage.User(
            first.toolCalls.map((c, i) => new vscode.LanguageModelToolResultPart(c.callId, [new vscode.LanguageModelTextPart(i === 0 ? '# Notes' : '12')])),
          ),
        ],
        { tools },
      ),
    );
    seen.push(second.text);
    assert.equal(second.text, 'Tool results received: **read_file** returned “# Notes”; **count_lines** returned “12”.');
    // The /local/v1 route has no /models: the profile falls back to its configured model, silently.
    assert.deepEqual((await parleyModels()).filter((m) => m.id.startsWith('lm-tools/')).map((m) => m.id), ['lm-tools/sim-model']);
    assert.ok(api.logLines().some((l) => l.includes('models: lm-tools has no model list')));
  });

  it('a third-party extension lists and uses Parley\'s models through vscode.lm (no consent dialog needed)', async () => {
    const extension = vscode.extensions.getExtension<ConsumerApi>(CONSUMER_ID);
    assert.ok(extension, `${CONSUMER_ID} is loaded next to Parley`);
    const consumer = await extension.activate();
    const models = await consumer.models();
    assert.ok(models.some((m) => m.id === 'lm-openai/spark-v3' && m.vendor === 'parley'));
    const answer = await consumer.ask('lm-openai/spark-v3', 'Explain iterators');
    assert.equal(answer.error, undefined, answer.error?.message);
    assert.equal(answer.text, replyFor('Explain iterators'));
    assert.notEqual(answer.canSendRequest, false, 'VS Code lets the extension send requests to Parley models');
    const blocked = await consumer.ask('lm-emma-nocredit/emma-5', 'hello');
    assert.equal(blocked.error?.code, 'Blocked', 'the error code crosses the extension boundary');
    seen.push(answer.text ?? '', blocked.error?.message ?? '');
  });

  it('the canary key is in no log line, error or response part of this path', async () => {
    // Its own request with the canary key (the simulator echoes a wrong key in its 401 body), plus all the suite saw.
    const rejected = await failure('lm-canary/spark-v3', 'Is this key accepted?');
    seen.push(rejected.message);
    assert.match(rejected.message, /API key is missing or invalid/);
    assert.ok(!seen.some((s) => s.includes(CANARY)), 'errors and response text');
    assert.ok(!api.logLines().some((line) => line.includes(CANARY)), 'log lines');
    assert.ok(api.logLines().some((line) => line.startsWith('lm lm-canary/spark-v3')), 'the canary request was logged');
  });
});
