import assert from 'node:assert/strict';
import { OPTION_FIELDS, parseNumberField } from '../../../src/chat/profileOptionFields';
import { emmaOptionsSchema, openAICompatibleOptionsSchema, secondMeOptionsSchema } from '../../../src/chat/providerSettings';

describe('option fields of the Manage Providers editor', () => {
  it('lists exactly the option names the settings schema accepts, per kind', () => {
    assert.deepEqual(OPTION_FIELDS.emma.map((f) => f.name).sort(), Object.keys(emmaOptionsSchema.shape).sort());
    assert.deepEqual(OPTION_FIELDS.secondme.map((f) => f.name).sort(), Object.keys(secondMeOptionsSchema.shape).sort());
    assert.deepEqual(OPTION_FIELDS['openai-compatible'].map((f) => f.name).sort(), Object.keys(openAICompatibleOptionsSchema.shape).sort());
  });

  it('parses numbers within the documented range', () => {
    const temperature = OPTION_FIELDS.emma.find((f) => f.name === 'temperature');
    assert.ok(temperature && temperature.type === 'number');
    assert.deepEqual(parseNumberField(temperature, '0.7'), { value: 0.7 });
    assert.deepEqual(parseNumberField(temperature, '0.05'), { error: 'outOfRange' });
    assert.deepEqual(parseNumberField(temperature, 'hot'), { error: 'notANumber' });
    const maxTokens = OPTION_FIELDS.secondme.find((f) => f.name === 'maxTokens');
    assert.ok(maxTokens && maxTokens.type === 'number');
    assert.deepEqual(parseNumberField(maxTokens, '2.5'), { error: 'notWhole' });
  });
});
