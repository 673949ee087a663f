/**
 * One table of cases, each kind: the profile schema (src/profiles) decides,
 * and settings validation, the Manage Providers editor and the adapters agree
 * on every case. Each row is a value for one field of one profile; `valid`
 * says whether the provider's document accepts it.
 */
import assert from 'node:assert/strict';
import { isProviderError } from '../../../src/net/errors';
import { optionFields, parseNumberField, profileFields, type OptionField } from '../../../src/profiles/fields';
import { formatProblem, validateProviders } from '../../../src/profiles/settings';
import type { ProviderProfile } from '../../../src/profiles/types';
import { buildEmmaRequest } from '../../../src/providers/emma';
import { buildOpenAiRequest } from '../../../src/providers/openaiCompatible';
import { buildSecondMeRequest } from '../../../src/providers/secondme';
import type { ChatRequest } from '../../../src/providers/types';

const EMMA = { id: 'emma-work', kind: 'emma' };
const SECONDME = { id: 'twin', kind: 'secondme', instanceId: 'abc123' };
const OPENAI = { id: 'oa', kind: 'openai-compatible', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' };
const ECOVAI = { id: 'eco', kind: 'openai-compatible', baseUrl: 'https://api.ecovai.cn/v1', model: 'spark-v3' };
const ECOVAI_EU = { id: 'eco-eu', kind: 'openai-compatible', baseUrl: 'https://eu.ecovai.cn/v1', model: 'spark-v3' };
const ECOVAI_WIDER = { ...ECOVAI, id: 'eco-wide', options: { maxTemperature: 2 } };

interface Case {
  profile: { id: string; kind: string; options?: Record<string, unknown> };
  /** `options.temperature`, or a field of the profile itself (`contextWindow`). */
  field: string;
  value: unknown;
  valid: boolean;
  /** The problem's message (after the setting and the profile). */
  message?: RegExp;
}

const cases: Case[] = [
  // Emma (seed 000)
  { profile: EMMA, field: 'options.temperature', value: 0.1, valid: true },
  { profile: EMMA, field: 'options.temperature', value: 1.5, valid: true },
  { profile: EMMA, field: 'options.temperature', value: 0.05, valid: false, message: /^must be between 0\.10 and 1\.50 for Emma$/ },
  { profile: EMMA, field: 'options.temperature', value: 1.6, valid: false, message: /^must be between 0\.10 and 1\.50 for Emma$/ },
  { profile: EMMA, field: 'options.maxNewTokens', value: 1, valid: true },
  { profile: EMMA, field: 'options.maxNewTokens', value: 0, valid: false, message: /^must be at least 1$/ },
  { profile: EMMA, field: 'options.maxNewTokens', value: 2.5, valid: false, message: /whole number/ },
  { profile: EMMA, field: 'options.modelKey', value: 'emma-4', valid: true },
  { profile: EMMA, field: 'options.modelKey', value: 'emma-9', valid: false, message: /^must be one of emma-5, emma-4, emma-3$/ },
  { profile: EMMA, field: 'options.mode', value: 'assisted', valid: true },
  { profile: EMMA, field: 'options.mode', value: 'fast', valid: false, message: /^must be one of raw, assisted$/ },
  { profile: EMMA, field: 'options.useHistory', value: false, valid: true },
  { profile: EMMA, field: 'systemPrompt', value: 'Rispondi in italiano.', valid: true },
  { profile: EMMA, field: 'contextWindow', value: 8000, valid: false, message: /is not used by Emma/ },
  // SecondMe (seed 001)
  { profile: SECONDME, field: 'options.temperature', value: 0, valid: true },
  { profile: SECONDME, field: 'options.temperature', value: 1, valid: true },
  { profile: SECONDME, field: 'options.temperature', value: 1.2, valid: false, message: /^must be between 0 and 1 for SecondMe$/ },
  { profile: SECONDME, field: 'options.maxTokens', value: 2000, valid: true },
  { profile: SECONDME, field: 'options.maxTokens', value: 0, valid: false, message: /^must be at least 1$/ },
  { profile: SECONDME, field: 'options.endpoint', value: 'chat-completions', valid: true },
  { profile: SECONDME, field: 'options.endpoint', value: 'v2', valid: false, message: /^must be one of chat, chat-completions$/ },
  { profile: SECONDME, field: 'contextWindow', value: 256, valid: true },
  { profile: SECONDME, field: 'contextWindow', value: 100, valid: false, message: /^must be at least 256 \(tokens\)$/ },
  { profile: SECONDME, field: 'contextWindow', value: 1000.5, valid: false, message: /whole number/ },
  // OpenAI-compatible: OpenAI accepts 0–2, ecovai (seed 002) 0–1 on every ecovai.cn host unless maxTemperature says more
  { profile: OPENAI, field: 'options.temperature', value: 2, valid: true },
  { profile: OPENAI, field: 'options.temperature', value: 2.1, valid: false, message: /^must be between 0 and 2 for/ },
  { profile: ECOVAI, field: 'options.temperature', value: 1, valid: true },
  { profile: ECOVAI, field: 'options.temperature', value: 1.1, valid: false, message: /^must be between 0 and 1 for this endpoint/ },
  { profile: ECOVAI_EU, field: 'options.temperature', value: 1.5, valid: false, message: /^must be between 0 and 1 for this endpoint/ },
  { profile: ECOVAI_WIDER, field: 'options.temperature', value: 1.5, valid: true },
  { profile: OPENAI, field: 'options.topK', value: 1, valid: true },
  { profile: OPENAI, field: 'options.topK', value: 0, valid: false, message: /^must be at least 1$/ },
  { profile: OPENAI, field: 'options.maxTemperature', value: 2, valid: true },
  { profile: OPENAI, field: 'options.maxTemperature', value: 3, valid: false, message: /^must be between 0 and 2 for/ },
  { profile: OPENAI, field: 'options.includeUsage', value: false, valid: true },
  { profile: OPENAI, field: 'options.toolCalling', value: true, valid: true },
  { profile: OPENAI, field: 'contextWindow', value: 128000, valid: true },
];

/** The profile of a case with the value set (in `options` or on the profile). */
function withValue(row: Case): Record<string, unknown> {
  if (!row.field.startsWith('options.')) return { ...row.profile, [row.field]: row.value };
  return { ...row.profile, options: { ...row.profile.options, [row.field.slice('options.'.length)]: row.value } };
}

/** What Manage Providers does with the value: offers the field, then accepts or refuses the input. */
function manageProvidersAccepts(row: Case): boolean {
  const [profile] = validateProviders([row.profile]).profiles;
  assert.ok(profile, `the base profile ${row.profile.id} is valid`);
  const name = row.field.replace(/^options\./, '');
  const fields: OptionField[] = row.field.startsWith('options.') ? optionFields(profile) : profileFields(profile.kind);
  const field = fields.find((f) => f.name === name);
  if (!field) return false; // not offered for this kind
  switch (field.type) {
    case 'number':
      return 'value' in parseNumberField(field, String(row.value));
    case 'enum':
      return field.values.includes(String(row.value));
    case 'boolean':
      return typeof row.value === 'boolean';
    case 'string':
      return typeof row.value === 'string';
  }
}

/** What the adapter does with a temperature asked for in a request (vscode.lm callers pass one). */
function adapterAcceptsTemperature(profile: ProviderProfile, temperature: number): boolean {
  const request: ChatRequest = { messages: [{ role: 'user', content: 'hi' }], temperature };
  try {
    if (profile.kind === 'emma') buildEmmaRequest(profile, request);
    else if (profile.kind === 'secondme') buildSecondMeRequest(profile, request);
    else buildOpenAiRequest(profile, request, profile.id, false);
    return true;
  } catch (error) {
    assert.ok(isProviderError(error) && error.code === 'invalid_request', String(error));
    return false;
  }
}

describe('one schema drives settings validation, Manage Providers and the adapters', () => {
  for (const row of cases) {
    const title = `${row.profile.id} (${row.profile.kind}${row.profile.options ? ` ${JSON.stringify(row.profile.options)}` : ''}): ${row.field} = ${JSON.stringify(row.value)} is ${row.valid ? 'accepted' : 'refused'}`;
    it(title, () => {
      const { profiles, problems } = validateProviders([withValue(row)]);
      if (row.valid) {
        assert.deepEqual(problems.map(formatProblem), [], 'settings');
        assert.equal(profiles.length, 1);
      } else {
        assert.equal(profiles.length, 0, 'settings leave the profile out');
        assert.equal(problems.length, 1, problems.map(formatProblem).join('\n'));
        const problem = problems[0]!;
        assert.equal(problem.setting, `parley.providers[0].${row.field}`, 'the message names the setting');
        assert.equal(problem.profileId, row.profile.id, 'and the profile');
        assert.ok(formatProblem(problem).startsWith(`parley.providers[0].${row.field} (profile "${row.profile.id}") `));
        assert.match(problem.message, row.message ?? /./);
      }
      assert.equal(manageProvidersAccepts(row), row.valid, 'Manage Providers');
      if (row.field === 'options.temperature') {
        const [base] = validateProviders([row.profile]).profiles;
        assert.ok(base);
        assert.equal(adapterAcceptsTemperature(base, row.value as number), row.valid, 'the adapter');
      }
    });
  }

  it('Manage Providers offers, for each kind, exactly the options settings accept', () => {
    for (const base of [EMMA, SECONDME, OPENAI]) {
      const [profile] = validateProviders([base]).profiles;
      assert.ok(profile);
      for (const field of optionFields(profile)) {
        const sample = field.type === 'enum' ? field.values[0] : field.type === 'boolean' ? true : field.type === 'number' ? field.min : 'x';
        assert.deepEqual(validateProviders([{ ...base, options: { [field.name]: sample } }]).problems, [], `${base.kind}: ${field.name}`);
      }
      const unknown = validateProviders([{ ...base, options: { notAnOption: 1 } }]).problems;
      assert.match(formatProblem(unknown[0]!), /options\.notAnOption \(profile "[^"]+"\) is not an option for/);
    }
  });
});
