import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { formatProblem, resolveActive, validateProviders } from '../../../src/profiles/settings';
import { PRESETS, profileFromPreset } from '../../../src/profiles/presets';
import { validateProfile } from '../../../src/providers/profile';

const messages = (raw: unknown) => validateProviders(raw).problems.map(formatProblem);

describe('parley.providers validation', () => {
  it('accepts the defaults contributed in package.json and every preset', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    const defaults = pkg.contributes.configuration.properties['parley.providers'].default;
    const result = validateProviders(defaults);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.profiles.map((p) => p.id), ['emma', 'secondme', 'ecovai']);
    // Manage Providers asks for what a preset leaves open: SecondMe's instance id, a local server's model.
    const filled = PRESETS.map((p) =>
      profileFromPreset(p.id, p.id, { ...(p.needsInstanceId ? { instanceId: 'abc' } : {}), ...(p.kind === 'openai-compatible' && !p.model ? { model: 'm' } : {}) }),
    );
    assert.deepEqual(validateProviders(filled).problems, []);
  });

  it('accepts only what the provider layer accepts (every valid profile passes validateProfile)', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    const defaults = pkg.contributes.configuration.properties['parley.providers'].default as { kind: string }[];
    // SecondMe's instance id is asked for at first use (ensureReady), before createProvider sees the profile.
    const ready = defaults.map((p) => (p.kind === 'secondme' ? { ...p, instanceId: 'abc123' } : p));
    for (const profile of validateProviders(ready).profiles) assert.doesNotThrow(() => validateProfile(profile), profile.id);
  });

  it('names the setting and the range for an Emma temperature out of 0.10–1.50, and keeps the other profiles', () => {
    const result = validateProviders([
      { id: 'ok', kind: 'secondme', instanceId: 'abc' },
      { id: 'emma', kind: 'emma', options: { temperature: 2 } },
    ]);
    assert.deepEqual(result.problems.map(formatProblem), ['parley.providers[1].options.temperature (profile "emma") must be between 0.10 and 1.50 for Emma']);
    assert.deepEqual(result.profiles.map((p) => p.id), ['ok']);
  });

  it('checks enums and ranges of each kind from the provider docs', () => {
    assert.deepEqual(messages([{ id: 'e', kind: 'emma', options: { modelKey: 'emma-9', mode: 'fast' } }]), [
      'parley.providers[0].options.modelKey (profile "e") must be one of emma-5, emma-4, emma-3',
      'parley.providers[0].options.mode (profile "e") must be one of raw, assisted',
    ]);
    assert.deepEqual(messages([{ id: 's', kind: 'secondme', options: { temperature: 1.2, maxTokens: 0, endpoint: 'x' } }]), [
      'parley.providers[0].options.endpoint (profile "s") must be one of chat, chat-completions',
      'parley.providers[0].options.temperature (profile "s") must be between 0 and 1 for SecondMe',
      'parley.providers[0].options.maxTokens (profile "s") must be at least 1',
    ]);
    assert.deepEqual(
      messages([{ id: 'o', kind: 'openai-compatible', baseUrl: 'https://api.ecovai.cn/v1', model: 'spark-v3', options: { topK: 0, temperature: 1.5 } }]),
      [
        'parley.providers[0].options.topK (profile "o") must be at least 1',
        'parley.providers[0].options.temperature (profile "o") must be between 0 and 1 for this endpoint (set options.maxTemperature if it accepts more)',
      ],
    );
    assert.deepEqual(
      messages([{ id: 'o', kind: 'openai-compatible', baseUrl: 'https://api.ecovai.cn/v1', model: 'spark-v3', options: { temperature: 1.5 } }]),
      ['parley.providers[0].options.temperature (profile "o") must be between 0 and 1 for this endpoint (set options.maxTemperature if it accepts more)'],
    );
    assert.deepEqual(
      messages([{ id: 'o', kind: 'openai-compatible', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o', options: { temperature: 1.5 } }]),
      [],
      'other endpoints accept up to 2',
    );
    assert.match(
      messages([{ id: 'o', kind: 'openai-compatible', baseUrl: 'https://x.example/v1', model: 'm', options: { temperature: 1.5, maxTemperature: 1 } }])[0]!,
      /temperature \(profile "o"\) must be between 0 and 1/,
    );
    assert.deepEqual(messages([{ id: 'e', kind: 'emma', model: 'gpt-4' }]), [
      'parley.providers[0].model (profile "e") must be one of emma-5, emma-4, emma-3 for Emma (or leave it out and use options.modelKey)',
    ]);
  });

  it('suggests the camelCase name for a snake_case option copied from the API docs', () => {
    assert.deepEqual(messages([{ id: 'e', kind: 'emma', options: { model_key: 'emma-4' } }]), [
      'parley.providers[0].options.model_key (profile "e") is not an option for Emma (did you mean modelKey?)',
    ]);
  });

  it('requires id, a known kind, an http(s) base URL, and baseUrl + model for OpenAI-compatible', () => {
    assert.deepEqual(messages([{ kind: 'emma' }]), ['parley.providers[0].id is required: a short name such as "emma" or "work-ecovai"']);
    assert.deepEqual(messages([{ id: 'x', kind: 'claude' }]), ['parley.providers[0].kind (profile "x") must be one of emma, secondme, openai-compatible']);
    assert.deepEqual(messages([{ id: 'x', kind: 'emma', baseUrl: 'ftp://x' }]), ['parley.providers[0].baseUrl (profile "x") must be an http:// or https:// URL']);
    assert.deepEqual(messages([{ id: 'x', kind: 'openai-compatible' }]), [
      'parley.providers[0].baseUrl (profile "x") is required for OpenAI-compatible profiles (e.g. "https://api.ecovai.cn/v1")',
      'parley.providers[0].model (profile "x") is required for OpenAI-compatible profiles (e.g. "spark-v3")',
    ]);
  });

  it('leaves out a duplicate id and says which', () => {
    const result = validateProviders([
      { id: 'a', kind: 'emma' },
      { id: 'a', kind: 'secondme' },
    ]);
    assert.equal(result.profiles.length, 1);
    assert.match(formatProblem(result.problems[0]!), /^parley\.providers\[1\]\.id \(profile "a"\) is used by an earlier profile/);
  });

  it('reports a non-list value', () => {
    assert.deepEqual(messages({ id: 'a' }), ['parley.providers must be a list of provider profiles']);
  });

  it('passes valid options through with the names of the schema (src/profiles)', () => {
    const [profile] = validateProviders([
      { id: 'e', kind: 'emma', label: 'Emma', options: { modelKey: 'emma-4', useRag: false, preset: 'precise', maxNewTokens: 300, temperature: 0.1 } },
    ]).profiles;
    assert.deepEqual(profile, {
      id: 'e',
      kind: 'emma',
      label: 'Emma',
      options: { modelKey: 'emma-4', useRag: false, preset: 'precise', maxNewTokens: 300, temperature: 0.1 },
    });
  });
});

describe('profile fields systemPrompt and contextWindow', () => {
  const openai = { id: 'o', kind: 'openai-compatible', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' };

  it('accepts a system prompt on every kind and a context window on SecondMe and OpenAI-compatible, and the provider layer agrees', () => {
    const raw = [
      { id: 'e', kind: 'emma', systemPrompt: 'Rispondi in italiano.' },
      { id: 's', kind: 'secondme', instanceId: 'abc', systemPrompt: 'Be brief.', contextWindow: 16000 },
      { ...openai, systemPrompt: 'Be brief.', contextWindow: 128000 },
    ];
    const result = validateProviders(raw);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.profiles.map((p) => [p.systemPrompt, p.contextWindow]), [
      ['Rispondi in italiano.', undefined],
      ['Be brief.', 16000],
      ['Be brief.', 128000],
    ]);
    for (const profile of result.profiles) assert.doesNotThrow(() => validateProfile(profile), profile.id);
  });

  it('names the setting and the fix for a bad context window, and refuses one on Emma (its budget is fixed)', () => {
    assert.deepEqual(messages([{ ...openai, contextWindow: 100 }]), ['parley.providers[0].contextWindow (profile "o") must be at least 256 (tokens)']);
    assert.deepEqual(messages([{ ...openai, contextWindow: 1000.5 }]), ['parley.providers[0].contextWindow (profile "o") must be a whole number (tokens, at least 256)']);
    assert.deepEqual(messages([{ id: 'e', kind: 'emma', contextWindow: 8000 }]), [
      'parley.providers[0].contextWindow (profile "e") is not used by Emma: its budget is fixed at 4,500 characters per message (remove it)',
    ]);
    assert.deepEqual(messages([{ ...openai, systemPrompt: 42 }]), ['parley.providers[0].systemPrompt (profile "o") must be a string']);
  });

  it('describes both fields in package.json', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    const props = pkg.contributes.configuration.properties['parley.providers'].items.properties;
    assert.equal(props.systemPrompt.type, 'string');
    assert.deepEqual([props.contextWindow.type, props.contextWindow.minimum], ['integer', 256]);
  });
});

describe('parley.activeProvider', () => {
  const profiles = validateProviders([
    { id: 'a', kind: 'emma' },
    { id: 'b', kind: 'secondme' },
  ]).profiles;

  it('finds the named profile', () => {
    assert.equal(resolveActive(profiles, 'b').profile?.id, 'b');
  });

  it('falls back to the first profile and names the setting when the id is unknown', () => {
    const { profile, problem } = resolveActive(profiles, 'zzz');
    assert.equal(profile?.id, 'a');
    assert.equal(formatProblem(problem!), 'parley.activeProvider is "zzz", which is not a valid profile in parley.providers (ids: "a", "b")');
  });

  it('is undefined without profiles', () => {
    assert.equal(resolveActive([], undefined).profile, undefined);
  });
});
