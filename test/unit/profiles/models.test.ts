import assert from 'node:assert/strict';
import { modelOf, modelsFor, uniqueId, withModel } from '../../../src/profiles/models';

describe('profile presets and models', () => {
  it('reads and sets Emma\'s model through options.modelKey, others through model', () => {
    assert.equal(modelOf({ id: 'e', kind: 'emma' }), 'emma-5');
    const emma = withModel({ id: 'e', kind: 'emma', options: { useRag: false } }, 'emma-3');
    assert.deepEqual(emma.options, { useRag: false, modelKey: 'emma-3' });
    assert.equal(modelOf(emma), 'emma-3');
    assert.equal(withModel({ id: 'o', kind: 'openai-compatible', baseUrl: 'https://api.ecovai.cn/v1', model: 'spark-v2' }, 'SparkDesk-v4.0').model, 'SparkDesk-v4.0');
  });

  it('offers Emma\'s models, the ecovai preset\'s models for an ecovai profile, and always the model in use', () => {
    assert.deepEqual(modelsFor({ id: 'e', kind: 'emma' }), ['emma-5', 'emma-4', 'emma-3']);
    const ecovai = modelsFor({ id: 'x', kind: 'openai-compatible', baseUrl: 'https://api.ecovai.cn/v1', model: 'spark-v3' });
    for (const model of ['spark-v2', 'spark-v3', 'SparkDesk-v4.0']) assert.ok(ecovai.includes(model), model);
    assert.deepEqual(modelsFor({ id: 'y', kind: 'openai-compatible', baseUrl: 'http://my.host/v1', model: 'mine' }), ['mine']);
    assert.deepEqual(modelsFor({ id: 's', kind: 'secondme' }), []);
  });

  it('finds a free id', () => {
    assert.equal(uniqueId('emma', ['secondme']), 'emma');
    assert.equal(uniqueId('emma', ['emma', 'emma-2']), 'emma-3');
  });
});
